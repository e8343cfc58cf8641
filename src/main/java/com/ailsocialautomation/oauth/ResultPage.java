package com.ailsocialautomation.oauth;

import java.util.List;

/** What the browser is shown at the end of a connect flow: plain words, never a token, code or state. */
record ResultPage(int status, String title, List<String> paragraphs) {
    static ResultPage of(int status, String title, String... paragraphs) {
        return new ResultPage(status, title, List.of(paragraphs));
    }
}
