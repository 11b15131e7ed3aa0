package kol.sim;

import java.util.Arrays;
import java.util.List;

/** Order statistics over small lists, for reports: null when there is nothing to summarise. */
final class Stats {

    private Stats() {
    }

    static Integer min(List<Integer> values) {
        return values.isEmpty() ? null : values.stream().mapToInt(Integer::intValue).min().getAsInt();
    }

    static Integer max(List<Integer> values) {
        return values.isEmpty() ? null : values.stream().mapToInt(Integer::intValue).max().getAsInt();
    }

    /** The middle value, or the mean of the two middle values. */
    static Double median(List<? extends Number> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static Long maxLong(List<Long> values) {
        return values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).max().getAsLong();
    }
}
