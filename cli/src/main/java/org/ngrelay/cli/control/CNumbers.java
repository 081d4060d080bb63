package org.ngrelay.cli.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers read and printed as rtpengine 10.5's CLI does with C's {@code strtol}, {@code strtoul},
 * {@code strtod} and {@code printf}, so that {@code set} commands take and answer what 10.5 takes
 * and answers ("5x" is 5, "-5" unsigned is 2^64-5, overflow is {@code errno=34}).
 */
final class CNumbers {

    /** {@code strtol}: optional sign and digits, anything after them ignored. */
    static final Pattern LEADING_INT = Pattern.compile("^\\s*([+-]?\\d+)");
    static final Pattern LEADING_DOUBLE = Pattern.compile("^\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");
    static final Pattern NOT_FINITE = Pattern.compile("^\\s*[+-]?(?:inf|nan)", Pattern.CASE_INSENSITIVE);
    static final int ERANGE = 34;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private CNumbers() {
    }

    /** What C's {@code printf("%.Nf")} prints: the double's exact value, rounded half to even. */
    static String fixed(double d, int decimals) {
        return new BigDecimal(d).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A C number parse: whether digits were found, the value, errno (ERANGE on overflow). */
    record CLong(boolean digits, long value, int errno) {
    }

    static CLong strtol(String s) {
        Matcher m = LEADING_INT.matcher(s);
        if (!m.find()) {
            return new CLong(false, 0, 0);
        }
        BigInteger v = new BigInteger(m.group(1));
        if (v.bitLength() > 63) {
            return new CLong(true, v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE, ERANGE);
        }
        return new CLong(true, v.longValue(), 0);
    }

    /** {@code strtoul}: a minus sign negates in unsigned arithmetic ("-5" is 2^64-5). */
    static CLong strtoul(String s) {
        Matcher m = LEADING_INT.matcher(s);
        if (!m.find()) {
            return new CLong(false, 0, 0);
        }
        BigInteger v = new BigInteger(m.group(1));
        if (v.abs().compareTo(TWO_64) >= 0) {
            return new CLong(true, -1L, ERANGE);
        }
        return new CLong(true, v.mod(TWO_64).longValue(), 0);
    }

}
