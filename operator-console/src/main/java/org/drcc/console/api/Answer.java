package org.drcc.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of a service's answer as the templates read it: a field the service left out (some answers omit
 * nulls) reads as null, as a field sent as null does, instead of failing the page ({@code containsKey} is what
 * Spring's expression language asks before it reads {@code answer.field}).
 */
final class Answer extends LinkedHashMap<String, Object> {

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    /** The answer with every nested object made an {@code Answer} too. */
    @SuppressWarnings("unchecked")
    static Object of(Object json) {
        if (json instanceof Map<?, ?> map) {
            Answer answer = new Answer();
            map.forEach((k, v) -> answer.put(String.valueOf(k), of(v)));
            return answer;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(Answer::of).toList();
        }
        return json;
    }
}
