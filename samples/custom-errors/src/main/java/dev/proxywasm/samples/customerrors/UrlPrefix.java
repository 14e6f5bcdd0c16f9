package dev.proxywasm.samples.customerrors;

/**
 * A configured URL prefix, matched the way a person reads one: {@code foo.bar.com} matches
 * {@code https://foo.bar.com/x} and {@code http://foo.bar.com:8080/}, not
 * {@code https://foo.bar.com.evil.example/} nor {@code https://evil.example/foo.bar.com}. Scheme and
 * host compare case-insensitively; a prefix without {@code scheme://} matches any scheme.
 */
final class UrlPrefix {
    private final String prefix;
    private final boolean withScheme;

    UrlPrefix(String raw) {
        this.withScheme = raw.contains("://");
        this.prefix = normalize(raw);
    }

    /** Whether the request {@code scheme://authority path} starts with this prefix on a boundary. */
    boolean matches(String scheme, String authority, String path) {
        String hostAndPath = normalize(authority + path);
        String url = withScheme ? Ascii.lowerCase(scheme) + "://" + hostAndPath : hostAndPath;
        if (!url.startsWith(prefix)) {
            return false;
        }
        if (prefix.endsWith("/") || url.length() == prefix.length()) {
            return true;
        }
        char next = url.charAt(prefix.length());
        return next == '/' || next == '?' || next == '#' || next == ':';
    }

    /** Lower-cases the scheme and the authority, leaving the path as it is. */
    private static String normalize(String url) {
        int authorityStart = url.indexOf("://");
        authorityStart = authorityStart < 0 ? 0 : authorityStart + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        return Ascii.lowerCase(url.substring(0, authorityEnd)) + url.substring(authorityEnd);
    }

    @Override
    public String toString() {
        return prefix;
    }
}
