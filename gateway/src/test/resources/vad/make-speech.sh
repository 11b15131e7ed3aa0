#!/usr/bin/env bash
# Makes the VAD tests' speech clips: espeak-ng sentences in Hebrew and American English, resampled to
# 8 kHz and stored as μ-law (the telephone path), with espeak's leading and trailing silence cut off so
# that each file is one labelled speech interval from its first sample to its last.
# Run from this folder: ./make-speech.sh (needs espeak-ng and sox). The output is committed.
set -euo pipefail
cd "$(dirname "$0")"

speak() {
    local name=$1 voice=$2 text=$3
    local raw
    raw=$(mktemp --suffix=.wav)
    espeak-ng -v "$voice" -w "$raw" "$text"
    # silence 1 0.02 -45d: drop audio until 20 ms above -45 dB; reverse, repeat, reverse = trim both ends.
    sox "$raw" -r 8000 -c 1 -e u-law -b 8 "speech-$name.wav" \
        silence 1 0.02 -45d reverse silence 1 0.02 -45d reverse
    rm -f "$raw"
}

speak he-1 he "שלום אני רוצה לבדוק את היתרה בחשבון שלי"
speak he-2 he "המשלוח שהזמנתי לא הגיע עד היום"
speak he-3 he+f3 "אפשר לדבר עם נציג בבקשה"
speak he-4 he+m3 "תודה רבה זה כל מה שהייתי צריך"
speak en-1 en-us "I would like to check the balance of my account"
speak en-2 en-us+f3 "My order has not arrived yet"
speak en-3 en-us+m3 "Can I speak to someone about my bill please"
speak en-4 en-us+f2 "Thank you that is all I needed today"
