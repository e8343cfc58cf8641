package com.ailsocialautomation.slack;

import com.ailsocialautomation.config.Secret;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Bolt's installation service over {@link InstallationStore}. Only bot tokens are kept (AIL asks for no user
 * scopes). Bots are handed out with a fresh token and without their refresh token, so Bolt never refreshes
 * on its own; {@link TokenRotation} does, under a lock.
 */
final class BoltInstallations implements InstallationService {
    private final Clock clock;
    private final InstallationStore store;
    private final TokenRotation rotation;
    private final java.util.Set<String> knownTeams = java.util.concurrent.ConcurrentHashMap.newKeySet();

    BoltInstallations(InstallationStore store, TokenRotation rotation, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.rotation = rotation;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        // no history is kept: an installation replaces the previous one of the same workspace
    }

    @Override
    public void saveInstallerAndBot(Installer i) {
        boolean orgWide = Boolean.TRUE.equals(i.getIsEnterpriseInstall());
        store.save(new Installation(UUID.randomUUID(), i.getEnterpriseId(), orgWide ? null : i.getTeamId(), orgWide,
                null, i.getAppId(), i.getBotId(), i.getBotUserId(), i.getBotScope(),
                Secret.ofNullable(i.getBotAccessToken()), Secret.ofNullable(i.getBotRefreshToken()),
                expiry(i.getBotTokenExpiresAt()), i.getInstallerUserId(), clock.instant()));
    }

    @Override
    public void saveBot(Bot b) {
        boolean orgWide = Boolean.TRUE.equals(b.getIsEnterpriseInstall());
        store.save(new Installation(UUID.randomUUID(), b.getEnterpriseId(), orgWide ? null : b.getTeamId(), orgWide,
                null, b.getAppId(), b.getBotId(), b.getBotUserId(), b.getBotScope(),
                Secret.ofNullable(b.getBotAccessToken()), Secret.ofNullable(b.getBotRefreshToken()),
                expiry(b.getBotTokenExpiresAt()), null, clock.instant()));
    }

    @Override
    public void deleteBot(Bot b) {
        store.delete(b.getEnterpriseId(), Boolean.TRUE.equals(b.getIsEnterpriseInstall()) ? null : b.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // no user tokens are stored
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        store.delete(enterpriseId, teamId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return store.find(enterpriseId, teamId).map(i -> {
            if (i.orgWide() && teamId != null && knownTeams.add(teamId)) {
                // so that work outside requests (DMs) finds the org-wide installation from the team id alone
                store.rememberEnterprise(teamId, enterpriseId);
            }
            return rotation.fresh(i);
        }).map(BoltInstallations::bot).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    private static Bot bot(Installation i) {
        DefaultBot bot = new DefaultBot();
        bot.setEnterpriseId(i.enterpriseId());
        bot.setTeamId(i.teamId());
        bot.setIsEnterpriseInstall(i.orgWide());
        bot.setTeamName(i.teamName());
        bot.setAppId(i.appId());
        bot.setBotId(i.botId());
        bot.setBotUserId(i.botUserId());
        bot.setBotScope(i.botScopes());
        bot.setBotAccessToken(i.botToken() == null ? null : i.botToken().reveal());
        bot.setInstalledAt(i.installedAt() == null ? null : i.installedAt().toEpochMilli());
        return bot;
    }

    private static Instant expiry(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
