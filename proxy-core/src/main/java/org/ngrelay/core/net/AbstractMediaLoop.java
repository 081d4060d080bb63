package org.ngrelay.core.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every media loop shares: its thread, the task queue other threads hand work in through,
 * the one-second tick, and the wake-up protocol. A transport supplies only {@link #poll} (wait
 * for ready sockets and dispatch their packets), {@link #wakeUp} and {@link #closeAll}.
 *
 * <p>Wake-ups: {@link #execute} queues first, then wakes the loop unless a wake-up is already
 * pending. The loop clears the flag after each poll and before it runs the queue, so a task
 * queued while the queue runs always wakes the next poll.
 */
abstract class AbstractMediaLoop implements MediaLoop {

    private static final Logger LOG = Logger.getLogger(AbstractMediaLoop.class.getName());
    private static final long TICK_NS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final List<LongConsumer> tickers = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private Thread thread;

    AbstractMediaLoop(String name) {
        this.name = name;
    }

    /** Starts the thread; called last by a subclass's constructor, once its transport is open. */
    final void start() {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits up to {@code timeoutMs} (0: not at all) for ready sockets and hands each one's
     * packet to its handler.
     *
     * @return false when the transport is closed and the loop must end
     */
    abstract boolean poll(int timeoutMs);

    /** Makes a poll in progress (or the next one) return at once; called from any thread. */
    abstract void wakeUp();

    /** Closes every socket still open and the transport itself; called on the loop at the end. */
    abstract void closeAll();

    /** Tells the loop that a wake-up it was sent has been consumed outside {@link #poll}. */
    final void wakeUpConsumed() {
        wakeupPending.set(false);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public final void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            wakeUp();
        }
    }

    @Override
    public final void onTick(LongConsumer tick) {
        run(() -> tickers.add(tick));
    }

    @Override
    public final void shutdown() {
        running = false;
        wakeUp();
        if (!inLoop()) {
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        long nextTickNs = System.nanoTime() + TICK_NS;
        try {
            while (running) {
                int timeoutMs = tasks.isEmpty()
                        ? (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTickNs - System.nanoTime())) : 0;
                if (!poll(timeoutMs)) {
                    break;
                }
                wakeupPending.set(false);
                runTasks();
                long now = System.nanoTime();
                if (now - nextTickNs >= 0) {
                    nextTickNs = now + TICK_NS;
                    runTickers(now);
                }
            }
        } finally {
            closeAll();
            stopped.countDown();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // No exception leaves a task: one broken call must not stop the loop.
                LOG.log(Level.SEVERE, name + ": task failed", e);
            }
        }
    }

    private void runTickers(long now) {
        for (int i = 0; i < tickers.size(); i++) {
            try {
                tickers.get(i).accept(now);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, name + ": timer failed", e);
            }
        }
    }
}
