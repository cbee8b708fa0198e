package io.regshift.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Sizes such as {@code 50M}, {@code 512K}, {@code 2G} or plain bytes, binary multiples. */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.endsWith("B")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.endsWith("I")) {
            v = v.substring(0, v.length() - 1);
        }
        long multiplier = 1;
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'K' -> multiplier = 1L << 10;
                case 'M' -> multiplier = 1L << 20;
                case 'G' -> multiplier = 1L << 30;
                default -> multiplier = 1;
            }
        }
        String digits = multiplier == 1 ? v : v.substring(0, v.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n <= 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a positive size");
            }
            return Math.multiplyExact(n, multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a size; use bytes or a number with K, M or G, e.g. 50M");
        }
    }
}
