package org.ngrelay.core.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code codec} dictionary without transcoding, as rtpengine 10.5 applies it to an offer:
 * {@code strip} and {@code mask} remove codecs from the outgoing SDP ({@code all} removes every
 * codec); {@code except} and {@code offer} keep the listed ones even so (10.5 does not reorder for
 * {@code offer}, golden 071). Codecs are named by encoding ({@code PCMA}) or encoding
 * and rate ({@code PCMA/8000}); payload numbers are not names (10.5 ignores {@code strip: ["8"]}).
 * A rule set that would leave no codec at all changes nothing (10.5: {@code strip: [all]} alone).
 */
public record CodecRules(List<String> strip, List<String> mask, List<String> offer, List<String> except) {

    public static final CodecRules NONE = new CodecRules(List.of(), List.of(), List.of(), List.of());

    public CodecRules {
        strip = List.copyOf(strip);
        mask = List.copyOf(mask);
        offer = List.copyOf(offer);
        except = List.copyOf(except);
    }

    public boolean isEmpty() {
        return strip.isEmpty() && mask.isEmpty() && offer.isEmpty() && except.isEmpty();
    }

    /** The formats of {@code media} that go out, in order. */
    public List<String> apply(MediaSection media) {
        if (isEmpty()) {
            return media.formats();
        }
        List<String> kept = new ArrayList<>();
        for (String format : media.formats()) {
            String name = encodingName(media, format);
            boolean removed = matches(strip, name, true) || matches(mask, name, true);
            if (!removed || matches(offer, name, false) || matches(except, name, false)) {
                kept.add(format);
            }
        }
        return kept.isEmpty() ? media.formats() : kept;
    }

    private static boolean matches(List<String> list, String name, boolean allMatches) {
        for (String entry : list) {
            if (allMatches && (entry.equalsIgnoreCase("all") || entry.equalsIgnoreCase("full"))) {
                return true;
            }
            if (name == null) {
                continue;
            }
            String e = entry.toUpperCase(Locale.ROOT);
            String n = name.toUpperCase(Locale.ROOT);
            // "PCMA" matches "PCMA/8000"; "opus/48000" matches "opus/48000/2".
            if (n.equals(e) || n.startsWith(e + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The rtpmap value of {@code format} (e.g. {@code PCMA/8000}) or the static one. */
    static String encodingName(MediaSection media, String format) {
        for (SdpLine line : media.lines()) {
            if (line.attributeIs("rtpmap")) {
                String v = line.attributeValue();
                int sp = v.indexOf(' ');
                if (sp > 0 && v.substring(0, sp).equals(format)) {
                    return v.substring(sp + 1).trim();
                }
            }
        }
        return StaticPayloadTypes.rtpmap(format);
    }
}
