package id.bimtek.registration;

import java.security.SecureRandom;

/** Registration references: short, unguessable, and easy to read out over the phone (no 0/O, 1/I). */
final class References {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    /** Ten characters from 32: 50 bits, e.g. {@code K7M2Q-9XDRT}. */
    static String next() {
        StringBuilder reference = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                reference.append('-');
            }
            reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
