package dev.proxywasm.bench;

import java.util.SplittableRandom;

/**
 * Seeded custom-errors configurations that differ every time, as a control plane that pushes a
 * new plugin configuration on every change would send them: one to forty URL prefixes, up to sixty
 * problem-type URIs in either of the plugin's two shapes, titles up to 2 KB, and one in sixteen
 * invalid (plugin start fails). Texts run from about 40 bytes to about 12 KB, so the parsed
 * configurations differ in size as well as in content.
 */
final class FuzzedConfigurations {
    private final SplittableRandom random;

    FuzzedConfigurations(long seed) {
        random = new SplittableRandom(seed);
    }

    /** The next configuration text. */
    String next() {
        if (random.nextInt(16) == 0) {
            return random.nextBoolean() ? "{\"targetURLPrefixes\": []}" : "{\"startStatusCode\": 500, \"endStatusCode\": 400"
                    + ", \"targetURLPrefixes\": \"x.example\"}";
        }
        StringBuilder json = new StringBuilder("{\"targetURLPrefixes\": [");
        int prefixes = 1 + random.nextInt(40);
        for (int i = 0; i < prefixes; i++) {
            json.append(i == 0 ? "" : ", ").append("\"").append(random.nextBoolean() ? "https://" : "")
                    .append(word(3, 24)).append(".example/").append(word(0, 40)).append("\"");
        }
        json.append("], \"startStatusCode\": ").append(400 + random.nextInt(50))
                .append(", \"endStatusCode\": ").append(500 + random.nextInt(100));
        int types = random.nextInt(60);
        if (types > 0) {
            boolean list = random.nextBoolean();
            json.append(", \"problemTypeURIMap\": ").append(list ? "[" : "{");
            for (int i = 0; i < types; i++) {
                String entry = "\"" + (400 + random.nextInt(200)) + "\": \"https://errors.example/" + word(1, 80) + "\"";
                json.append(i == 0 ? "" : ", ").append(list ? "{" + entry + "}" : entry);
            }
            json.append(list ? "]" : "}");
        }
        if (random.nextBoolean()) {
            json.append(", \"problemTitle\": \"").append(word(0, 2048)).append("\"");
        }
        if (random.nextBoolean()) {
            json.append(", \"maxDetailBytes\": ").append(random.nextInt(65536));
        }
        return json.append("}").toString();
    }

    private String word(int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }
}
