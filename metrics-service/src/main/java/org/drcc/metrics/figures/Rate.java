package org.drcc.metrics.figures;

/** {@code achieved} of {@code counted}; {@code ratio} is null (no data) when nothing was counted, never 100 %. */
public record Rate(long achieved, long counted, Double ratio) {

    public static Rate of(long achieved, long counted) {
        return new Rate(achieved, counted, counted == 0 ? null : (double) achieved / counted);
    }
}
