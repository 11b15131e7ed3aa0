package kol.arch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import kol.tx.FrameSink;
import kol.tx.TxPacer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules the design stands on, checked against the compiled classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kol");
    }

    /**
     * One sender per call: only the pacer ({@link TxPacer} and the package-private lane and per-call parts it is made
     * of) writes to a {@link FrameSink}. Everything else enqueues.
     */
    @Test
    void onlyThePacerWritesToASink() {
        noClasses().that().doNotHaveFullyQualifiedName("kol.tx.TxPacer")
                .and().doNotHaveFullyQualifiedName("kol.tx.PacerLane")
                .and().doNotHaveFullyQualifiedName("kol.tx.PacedCall")
                .should().callMethodWhere(target(name("write")).and(target(owner(assignableTo(FrameSink.class)))))
                .because("only the TX pacer may write to a carrier socket; every producer enqueues")
                .check(classes);
    }

    @Test
    void baseDependsOnNoOtherKolPackage() {
        noClasses().that().resideInAPackage("kol.base..")
                .should().dependOnClassesThat().resideInAnyPackage("kol.audio..", "kol.tx..", "kol.carrier..",
                        "kol.provider..", "kol.conversation..", "kol.ops..", "kol.app..", "kol.cli..")
                .check(classes);
    }

    @Test
    void audioDependsOnlyOnBase() {
        noClasses().that().resideInAPackage("kol.audio..")
                .should().dependOnClassesThat().resideInAnyPackage("kol.tx..", "kol.carrier..", "kol.provider..",
                        "kol.conversation..", "kol.ops..", "kol.app..", "kol.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void txKnowsNothingOfCarriersProvidersOrTheApp() {
        noClasses().that().resideInAPackage("kol.tx..")
                .should().dependOnClassesThat().resideInAnyPackage("kol.carrier..", "kol.provider..",
                        "kol.conversation..", "kol.ops..", "kol.app..", "kol.cli..")
                .check(classes);
    }

    @Test
    void coreImportsNoNetworkFrameworkOrVendorSdk() {
        noClasses().that().resideInAnyPackage("kol.base..", "kol.audio..", "kol.tx..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "com.twilio..",
                        "com.google..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void theConversationSeesOnlyPortsNeverAConcreteProviderOrTheNetwork() {
        noClasses().that().resideInAPackage("kol.conversation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "kol.carrier.twilio..",
                        "kol.provider.espeak..", "kol.provider.flow..", "kol.provider.vadonly..",
                        "kol.provider.google..", "kol.provider.openai..", "kol.provider.anthropic..",
                        "kol.provider.elevenlabs..", "kol.provider.whisper..", "kol.app..", "kol.cli..")
                .check(classes);
    }

    @Test
    void providerPortsKnowNoAdapter() {
        noClasses().that().resideInAnyPackage("kol.provider", "kol.provider.stt", "kol.provider.dialog",
                "kol.provider.tts")
                .should().dependOnClassesThat().resideInAnyPackage("kol.provider.espeak..", "kol.provider.flow..",
                        "kol.provider.vadonly..", "kol.provider.google..", "kol.provider.openai..",
                        "kol.provider.anthropic..", "kol.provider.elevenlabs..", "kol.provider.whisper..",
                        "kol.conversation..", "kol.app..", "kol.cli..", "io.vertx..")
                .check(classes);
    }

    @Test
    void adaptersDoNotImportEachOther() {
        String[] adapters = {"kol.provider.espeak..", "kol.provider.flow..", "kol.provider.vadonly..",
            "kol.provider.google..", "kol.provider.openai..", "kol.provider.anthropic..",
            "kol.provider.elevenlabs..", "kol.provider.whisper.."};
        for (String adapter : adapters) {
            String[] others = java.util.Arrays.stream(adapters).filter(a -> !a.equals(adapter))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true).check(classes);
        }
    }
}
