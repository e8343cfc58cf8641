package com.ailsocialautomation.oauth;

import java.util.List;

/**
 * What the browser is shown at the end of a connect flow: plain words, never a token, code or state; and, where the
 * person chooses which accounts to connect, the form they choose with ({@code formHtml}, escaped; null otherwise).
 */
record ResultPage(int status, String title, List<String> paragraphs, String formHtml) {
    static ResultPage of(int status, String title, String... paragraphs) {
        return new ResultPage(status, title, List.of(paragraphs), null);
    }

    /** Whether the flow goes on from this page (its browser cookie is still needed). */
    boolean asks() {
        return formHtml != null;
    }
}
