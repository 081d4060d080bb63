package org.ngrelay.core.dtls;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.ngrelay.core.srtp.SrtpSuite;

/**
 * The {@code use_srtp} protection profiles (RFC 5764 §4.1.2, RFC 7714 §14) and the SRTP suite
 * each one means. Offered and chosen in rtpengine's order of preference; a profile whose suite
 * {@link SrtpSuite} does not have is left out.
 */
public record SrtpProfile(int id, SrtpSuite suite) {

    private static final Object[][] PREFERENCE = {
        {SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM, "AEAD_AES_256_GCM"},
        {SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, "AEAD_AES_128_GCM"},
        {SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, "AES_CM_128_HMAC_SHA1_80"},
        {SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32, "AES_CM_128_HMAC_SHA1_32"},
    };

    private static final List<SrtpProfile> SUPPORTED = supported();

    private static List<SrtpProfile> supported() {
        List<SrtpProfile> out = new ArrayList<>();
        for (Object[] p : PREFERENCE) {
            SrtpSuite suite = SrtpSuite.named((String) p[1]);
            if (suite != null) {
                out.add(new SrtpProfile((Integer) p[0], suite));
            }
        }
        return List.copyOf(out);
    }

    /** The profiles ngrelay offers (client) or accepts (server), best first. */
    public static List<SrtpProfile> all() {
        return SUPPORTED;
    }

    static int[] ids() {
        int[] ids = new int[SUPPORTED.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = SUPPORTED.get(i).id;
        }
        return ids;
    }

    /** The profile for {@code id}, or null when ngrelay has none such. */
    static SrtpProfile byId(int id) {
        for (SrtpProfile p : SUPPORTED) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }

    /** As the server: ngrelay's most preferred of the profiles the client offered, or null. */
    static SrtpProfile choose(int[] offered) {
        for (SrtpProfile p : SUPPORTED) {
            for (int id : offered) {
                if (id == p.id) {
                    return p;
                }
            }
        }
        return null;
    }
}
