package com.ailsocialautomation.net;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Turns a transport failure into words for the person. The exception's own message is never used:
 * it can quote the full URL, and a webhook's secret lives in its path.
 */
final class Failures {
    private Failures() {
    }

    /** {@code sent}: the request's headers had gone out, so the server may have acted on it. */
    static UnreachableUrl unreachable(VettedUrl target, Throwable failure, boolean sent) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new UnreachableUrl(target.host(), reason(failure), sent);
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "the connection timed out";
            }
            if (t instanceof TimeoutException) {
                return "it did not answer in time";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "the connection was refused";
            }
            if (t instanceof SSLException) {
                return "its https certificate could not be verified for that name";
            }
            if (t instanceof InterruptedException) {
                return "the request was interrupted";
            }
        }
        return "the connection failed";
    }
}
