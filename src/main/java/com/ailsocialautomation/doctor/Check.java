package com.ailsocialautomation.doctor;

/** One line of {@code doctor}: what was checked and what an operator should know or do. */
public record Check(Status status, String name, String detail) {
    public enum Status { OK, WARN, FAIL }

    public static Check ok(String name, String detail) {
        return new Check(Status.OK, name, detail);
    }

    public static Check warn(String name, String detail) {
        return new Check(Status.WARN, name, detail);
    }

    public static Check fail(String name, String detail) {
        return new Check(Status.FAIL, name, detail);
    }

    /** "OK   slack: ..." with the status padded so that the names line up. */
    public String line() {
        return String.format("%-4s %s: %s", status, name, detail);
    }
}
