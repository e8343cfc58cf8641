package com.ailsocialautomation.discord;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.AltTexts;
import com.ailsocialautomation.message.MediaInput;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;

import java.util.ArrayList;
import java.util.List;

/**
 * The files attached to {@code /ail post|schedule|edit}: {@code media} to {@code media-4}, in that order, each with the
 * alt text of its {@code alt-N} option, else the description the attachment carries. The URL is Discord's signed
 * CDN address, which needs no token and expires after about a day; the command layer copies the bytes at once.
 */
final class Attachments {
    static final String ALT = "alt";

    private Attachments() {}

    static List<MediaInput> files(SlashCommandInteractionEvent event, String key) {
        List<MediaInput> files = new ArrayList<>();
        for (int i = 1; i <= CommandDefinition.ATTACHMENTS; i++) {
            OptionMapping option = event.getOption(CommandDefinition.numbered(key, i));
            OptionMapping alt = event.getOption(CommandDefinition.numbered(ALT, i));
            String altText = alt == null || alt.getAsString().isBlank() ? null : AltTexts.check(alt.getAsString().strip());
            if (option != null && option.getType() == OptionType.ATTACHMENT) {
                Message.Attachment file = option.getAsAttachment();
                String description = file.getDescription() == null || file.getDescription().isBlank() ? null : file.getDescription();
                if (altText == null && description != null
                        && description.codePointCount(0, description.length()) > AltTexts.MAX_CHARACTERS) {
                    throw new UserError("The description of " + CommandDefinition.numbered(key, i) + " is longer than the "
                            + String.format("%,d", AltTexts.MAX_CHARACTERS) + " characters X takes as alt text: give a "
                            + "shorter one with " + CommandDefinition.numbered(ALT, i) + ".");
                }
                files.add(new MediaInput.ChatFile(file.getUrl(), null, file.getFileName(), altText != null ? altText : description));
            } else if (altText != null) {
                String media = CommandDefinition.numbered(key, i);
                throw new UserError(CommandDefinition.numbered(ALT, i) + " describes " + media + ", but nothing is attached "
                        + "there: attach the image or video as " + media + ", or leave " + CommandDefinition.numbered(ALT, i) + " out.");
            }
        }
        return files;
    }

    /** Whether any attachment option was given. */
    static boolean any(SlashCommandInteractionEvent event, String key) {
        for (int i = 1; i <= CommandDefinition.ATTACHMENTS; i++) {
            OptionMapping option = event.getOption(CommandDefinition.numbered(key, i));
            if (option != null && option.getType() == OptionType.ATTACHMENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code alt} to {@code alt-4} as alt: options, for {@code /ail edit} without attachments, where they
     * re-describe the post's stored items in order, as the text form's alt: does; so, like there, without gaps.
     */
    static List<String> alone(SlashCommandInteractionEvent event) {
        List<String> alts = new ArrayList<>();
        for (int i = 1; i <= CommandDefinition.ATTACHMENTS; i++) {
            OptionMapping alt = event.getOption(CommandDefinition.numbered(ALT, i));
            if (alt == null || alt.getAsString().isBlank()) {
                continue;
            }
            if (alts.size() != i - 1) {
                String missing = CommandDefinition.numbered(ALT, alts.size() + 1);
                throw new UserError(CommandDefinition.numbered(ALT, i) + " comes without " + missing + ": give " + missing
                        + " too (the item's current words to keep them), or move the text up.");
            }
            alts.add(AltTexts.check(alt.getAsString().strip()));
        }
        return alts;
    }
}
