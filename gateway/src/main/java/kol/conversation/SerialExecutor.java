package kol.conversation;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in order, on a shared executor: a call's conversation is single-threaded without owning
 * a thread. A failing task is reported and does not stop the ones after it.
 */
final class SerialExecutor implements Executor {
    private final Executor executor;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final java.util.function.Consumer<RuntimeException> onFailure;
    private boolean running;

    SerialExecutor(Executor executor, java.util.function.Consumer<RuntimeException> onFailure) {
        this.executor = executor;
        this.onFailure = onFailure;
    }

    @Override
    public void execute(Runnable task) {
        boolean start;
        synchronized (tasks) {
            tasks.add(task);
            start = !running;
            running = true;
        }
        if (start) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }
    }
}
