package kol.provider.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import kol.carrier.CallInfo;
import kol.provider.Cancellable;
import kol.provider.dialog.DialogSession;
import kol.provider.dialog.Turn;
import org.junit.jupiter.api.Test;

class FlowSessionTest {

    private static final CallInfo CALL = new CallInfo("CA1", "MZ1", "AC1", "+972500000000", "+97230000000", Map.of());

    private static final String MENU = "לשעות הפתיחה, הקישו אחת. לקביעת תור, הקישו שתיים. לשיחה עם נציג, הקישו אפס.";
    private static final String BOOKING = "באיזה חלק של היום נוח לכם להגיע? "
            + "לתור בבוקר, הקישו אחת. לתור אחר הצהריים, הקישו שתיים.";
    private static final String FALLBACK = "סליחה, לא הבנתי. לשמיעה חוזרת, הקישו כוכבית. לתפריט הראשי, הקישו סולמית.";

    private final FlowSession hebrew = (FlowSession) FlowDialog.builtIn("he-IL").open(CALL);

    private static RecordingListener say(DialogSession session, Turn turn) {
        RecordingListener listener = new RecordingListener();
        session.respond(turn, listener);
        return listener;
    }

    @Test
    void greetsWithTheFlowsGreetingThenTheStartPrompt() {
        assertThat(hebrew.greeting()).isEqualTo("שלום, הגעתם למרפאת הגפן. " + MENU);
    }

    @Test
    void walksThroughBookingByKeysToGoodbyeAndHangUp() {
        assertThat(say(hebrew, Turn.dtmf('2')).text()).isEqualTo(BOOKING);
        assertThat(hebrew.nodeId()).isEqualTo("booking");

        assertThat(say(hebrew, Turn.dtmf('1')).text())
                .isEqualTo("בחרתם תור בבוקר. לאישור, הקישו אחת. לבחירה מחדש, הקישו שתיים.");
        assertThat(hebrew.nodeId()).isEqualTo("confirm_morning");

        RecordingListener confirmed = say(hebrew, Turn.dtmf('1'));
        assertThat(confirmed.events).containsExactly(
                "text:קיבלנו את הבקשה. ",
                "text:נחזור אליכם בהקדם לתיאום השעה המדויקת. ",
                "text:תודה ולהתראות.",
                "hang_up",
                "done");
    }

    @Test
    void choosesAgainFromTheConfirmationAndBooksTheAfternoon() {
        say(hebrew, Turn.dtmf('2'));
        say(hebrew, Turn.dtmf('1'));
        assertThat(say(hebrew, Turn.dtmf('2')).text()).isEqualTo(BOOKING);
        assertThat(say(hebrew, Turn.dtmf('2')).text()).startsWith("בחרתם תור אחר הצהריים.");
        assertThat(say(hebrew, Turn.dtmf('1')).events).endsWith("hang_up", "done");
    }

    @Test
    void answersOpeningHoursAndReturnsToTheMenu() {
        RecordingListener hours = say(hebrew, Turn.dtmf('1'));

        assertThat(hours.text()).isEqualTo("המרפאה פתוחה בימים ראשון עד חמישי, משמונה בבוקר עד שבע בערב. "
                + "ביום שישי, משמונה בבוקר עד אחת בצהריים. " + MENU);
        assertThat(hebrew.nodeId()).isEqualTo("main");
    }

    @Test
    void followsKeywordsInRecognisedSpeech() {
        assertThat(say(hebrew, Turn.speech("שלום, אני רוצה לקבוע תור")).text()).isEqualTo(BOOKING);
        assertThat(say(hebrew, Turn.speech("אחה״צ אם אפשר")).text()).startsWith("בחרתם תור אחר הצהריים.");
        assertThat(say(hebrew, Turn.speech("כֵּן, בְּבַקָּשָׁה")).events).endsWith("hang_up", "done");
    }

    @Test
    void prefersTheLongerKeywordSoAPhraseBeatsOneOfItsWords() {
        say(hebrew, Turn.dtmf('2'));
        String confirm = say(hebrew, Turn.dtmf('1')).text();

        // "לא" alone would choose again; "לא שמעתי" (I didn't hear) is the global repeat.
        assertThat(say(hebrew, Turn.speech("לא שמעתי")).text()).isEqualTo(confirm);
        assertThat(hebrew.nodeId()).isEqualTo("confirm_morning");
        assertThat(say(hebrew, Turn.speech("לא")).text()).isEqualTo(BOOKING);
    }

    @Test
    void givesUnrecognisedSpeechTheNodesPressADigitPrompt() {
        assertThat(say(hebrew, Turn.unrecognised()).text()).isEqualTo(
                "סליחה, לא הצלחתי להבין. לשעות הפתיחה, הקישו אחת. לקביעת תור, הקישו שתיים. לנציג, הקישו אפס.");
        say(hebrew, Turn.dtmf('2'));
        assertThat(say(hebrew, Turn.unrecognised()).text())
                .isEqualTo("סליחה, לא הצלחתי להבין. לבוקר, הקישו אחת. לאחר הצהריים, הקישו שתיים.");
        assertThat(say(hebrew, Turn.speech("  ?! ")).text()).startsWith("סליחה, לא הצלחתי להבין.");
        assertThat(hebrew.nodeId()).isEqualTo("booking");
    }

    @Test
    void givesAnUnknownKeyOrUnmatchedSpeechTheFallback() {
        assertThat(say(hebrew, Turn.dtmf('7')).text()).isEqualTo(FALLBACK);
        assertThat(say(hebrew, Turn.speech("מה מזג האוויר")).text()).isEqualTo(FALLBACK);
        say(hebrew, Turn.dtmf('2'));
        assertThat(say(hebrew, Turn.dtmf('9')).text())
                .isEqualTo("לא הבנתי את הבחירה. לבוקר, הקישו אחת. לאחר הצהריים, הקישו שתיים.");
        assertThat(hebrew.nodeId()).isEqualTo("booking");
    }

    @Test
    void repeatsTheLastReplyNotTheFallbackThatFollowedIt() {
        assertThat(say(hebrew, Turn.dtmf('*')).text()).isEqualTo(hebrew.greeting());
        String hours = say(hebrew, Turn.dtmf('1')).text();
        say(hebrew, Turn.dtmf('7'));

        RecordingListener again = say(hebrew, Turn.dtmf('*'));

        assertThat(again.text()).isEqualTo(hours);
        assertThat(again.events).last().isEqualTo("done");
    }

    @Test
    void handsOffToReceptionFromAnyNode() {
        say(hebrew, Turn.dtmf('2'));

        RecordingListener person = say(hebrew, Turn.dtmf('0'));

        assertThat(person.events).containsExactly(
                "text:מיד תועברו לנציג. ", "text:אנא הישארו על הקו.", "hand_off:reception", "done");
        assertThat(say(hebrew, Turn.speech("אפשר לדבר עם נציג?")).events).contains("hand_off:reception");
    }

    @Test
    void goesBackToTheMainMenuOnPoundOrWhenAskedInWords() {
        say(hebrew, Turn.dtmf('2'));
        assertThat(say(hebrew, Turn.dtmf('#')).text()).isEqualTo(MENU);
        assertThat(hebrew.nodeId()).isEqualTo("main");

        say(hebrew, Turn.dtmf('2'));
        // "לחזור" also holds the repeat keyword "חזור"; the menu intent comes first and wins the tie.
        assertThat(say(hebrew, Turn.speech("אני רוצה לחזור לתפריט")).text()).isEqualTo(MENU);
        assertThat(hebrew.nodeId()).isEqualTo("main");
    }

    @Test
    void deliversTheReplyOneSentenceAtATime() {
        RecordingListener hours = say(hebrew, Turn.dtmf('1'));

        assertThat(hours.events).containsExactly(
                "text:המרפאה פתוחה בימים ראשון עד חמישי, משמונה בבוקר עד שבע בערב. ",
                "text:ביום שישי, משמונה בבוקר עד אחת בצהריים. ",
                "text:לשעות הפתיחה, הקישו אחת. ",
                "text:לקביעת תור, הקישו שתיים. ",
                "text:לשיחה עם נציג, הקישו אפס.",
                "done");
    }

    @Test
    void deliversNothingAfterCancelFromInsideTheReply() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        DialogSession session = FlowDialog.builtIn("he-IL").deliveringOn(tasks::add).open(CALL);
        Cancellable[] reply = new Cancellable[1];
        RecordingListener listener = new RecordingListener().afterFirstText(() -> reply[0].cancel());

        reply[0] = session.respond(Turn.dtmf('0'), listener);
        assertThat(listener.events).isEmpty();
        tasks.remove().run();

        assertThat(listener.events).containsExactly("text:מיד תועברו לנציג. ");
    }

    @Test
    void deliversNothingWhenCancelledBeforeDeliveryStarts() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        DialogSession session = FlowDialog.builtIn("en-US").deliveringOn(tasks::add).open(CALL);
        RecordingListener listener = new RecordingListener();

        session.respond(Turn.dtmf('2'), listener).cancel();
        tasks.remove().run();

        assertThat(listener.events).isEmpty();
    }

    @Test
    void takesTheChoiceEvenWhenTheReplyIsCutShort() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        FlowSession session = (FlowSession) FlowDialog.builtIn("en-US").deliveringOn(tasks::add).open(CALL);

        session.respond(Turn.dtmf('2'), new RecordingListener()).cancel();

        assertThat(session.nodeId()).isEqualTo("booking");
    }

    @Test
    void walksTheEnglishFlowBySpeech() {
        DialogSession english = FlowDialog.builtIn("en-US").open(CALL);

        assertThat(english.greeting()).startsWith("Hello, you've reached Gefen Clinic. For opening hours, press 1.");
        assertThat(say(english, Turn.speech("What are your opening hours?")).text())
                .startsWith("We're open Sunday to Thursday, from 8 AM to 7 PM.");
        assertThat(say(english, Turn.speech("I'd like to book an appointment")).text())
                .startsWith("What time of day suits you?");
        assertThat(say(english, Turn.speech("Afternoon, please")).text())
                .startsWith("You chose an afternoon appointment.");
        assertThat(say(english, Turn.speech("Yes")).events).containsExactly(
                "text:Thank you, we have your request. ",
                "text:We'll call you back soon to set the exact time. ",
                "text:Goodbye.",
                "hang_up",
                "done");
    }

    @Test
    void keepsEachCallsPlaceApart() {
        FlowDialog dialog = FlowDialog.builtIn("en-US");
        FlowSession first = (FlowSession) dialog.open(CALL);
        FlowSession second = (FlowSession) dialog.open(CALL);

        say(first, Turn.dtmf('2'));

        assertThat(first.nodeId()).isEqualTo("booking");
        assertThat(second.nodeId()).isEqualTo("main");
    }
}
