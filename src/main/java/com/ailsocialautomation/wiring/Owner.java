package com.ailsocialautomation.wiring;

/**
 * Takes a started part to stop later. The app stops what it was handed in reverse order; a test rig may simply
 * collect and close them.
 */
@FunctionalInterface
public interface Owner {
    void own(String name, AutoCloseable part);

    /** An owner that stops nothing: for parts whose lifetime the caller manages itself. */
    static Owner none() {
        return (name, part) -> { };
    }
}
