package com.ailsocialautomation.platform;

import com.ailsocialautomation.UserError;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The providers that are on, by platform id. */
public final class Providers {
    private final Map<String, Provider> byId = new LinkedHashMap<>();

    public Providers(Collection<Provider> providers) {
        providers.forEach(p -> byId.put(p.id(), p));
    }

    public Optional<Provider> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The provider, or a UserError naming the platforms that are on. */
    public Provider get(String id) {
        return find(id).orElseThrow(() -> new UserError("The platform '" + id + "' is not enabled on this server; available: "
                + String.join(", ", byId.keySet()) + "."));
    }

    public Collection<Provider> all() {
        return byId.values();
    }
}
