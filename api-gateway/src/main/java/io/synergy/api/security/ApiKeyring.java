package io.synergy.api.security;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys the gateway accepts, as hashes with their scopes. Looking a key up compares its hash with
 * every stored hash in constant time (no early exit), so the answer's timing says nothing about how
 * close a guess came.
 */
public final class ApiKeyring {

    private record Entry(byte[] hash, ApiScope scope) {
    }

    private final List<Entry> entries;

    private ApiKeyring(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param hashesByScope per scope, the hex SHA-256 hashes of its keys (a key listed under two scopes has both)
     * @throws IllegalArgumentException naming the property of a malformed hash
     */
    public static ApiKeyring of(Map<ApiScope, List<String>> hashesByScope) {
        List<Entry> entries = new ArrayList<>();
        hashesByScope.forEach((scope, hashes) -> {
            for (int i = 0; i < hashes.size(); i++) {
                entries.add(new Entry(ApiKeyHash.parse("synergy.api.keys." + scope.label() + "[" + i + "]", hashes.get(i)),
                        scope));
            }
        });
        return new ApiKeyring(entries);
    }

    /** The scopes of a presented key; empty when the key is unknown. */
    public Set<ApiScope> scopesOf(String key) {
        byte[] presented = ApiKeyHash.of(key);
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                scopes.add(entry.scope());
            }
        }
        return scopes;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
