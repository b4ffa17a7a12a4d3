<?php
// The calls Revolt's EventDriver makes (revolt/event-loop, src/EventLoop/Driver/EventDriver.php),
// reduced: one EventBase, persistent io events per stream, TIMEOUT events for
// delays and repeats (re-added with their interval), persistent signal events,
// deferred callbacks run between LOOP_ONCE / LOOP_NONBLOCK ticks, free() on cancel.
final class MiniEventDriver
{
    private EventBase $handle;
    private array $events = [];
    private array $callbacks = [];
    private array $deferQueue = [];
    private int $nextId = 0;
    private bool $stopped = false;
    private Closure $ioCallback;
    private Closure $timerCallback;
    private Closure $signalCallback;

    public function __construct()
    {
        $this->handle = new EventBase();
        $this->ioCallback = function ($resource, $what, string $id): void { ($this->callbacks[$id]['fn'])($id, $resource); };
        $this->timerCallback = function ($resource, $what, string $id): void {
            $cb = $this->callbacks[$id];
            if ($cb['repeat']) { $this->events[$id]->add($cb['interval']); } else { $this->cancel($id); }
            ($cb['fn'])($id);
        };
        $this->signalCallback = function ($signo, $what, string $id): void { ($this->callbacks[$id]['fn'])($id, $signo); };
    }
    private function id(): string { return 'c' . $this->nextId++; }
    public function defer(Closure $fn): string { $id = $this->id(); $this->deferQueue[$id] = $fn; return $id; }
    public function delay(float $s, Closure $fn): string { return $this->timer($s, false, $fn); }
    public function repeat(float $s, Closure $fn): string { return $this->timer($s, true, $fn); }
    private function timer(float $s, bool $repeat, Closure $fn): string
    {
        $id = $this->id();
        $this->callbacks[$id] = ['fn' => $fn, 'repeat' => $repeat, 'interval' => $s];
        $this->events[$id] = new Event($this->handle, -1, Event::TIMEOUT, $this->timerCallback, $id);
        $this->events[$id]->add($s);
        return $id;
    }
    public function onReadable($stream, Closure $fn): string
    {
        $id = $this->id();
        $this->callbacks[$id] = ['fn' => $fn];
        $this->events[$id] = new Event($this->handle, $stream, Event::READ | Event::PERSIST, $this->ioCallback, $id);
        $this->events[$id]->add();
        return $id;
    }
    public function onWritable($stream, Closure $fn): string
    {
        $id = $this->id();
        $this->callbacks[$id] = ['fn' => $fn];
        $this->events[$id] = new Event($this->handle, $stream, Event::WRITE | Event::PERSIST, $this->ioCallback, $id);
        $this->events[$id]->add();
        return $id;
    }
    public function onSignal(int $signo, Closure $fn): string
    {
        $id = $this->id();
        $this->callbacks[$id] = ['fn' => $fn];
        $this->events[$id] = new Event($this->handle, $signo, Event::SIGNAL | Event::PERSIST, $this->signalCallback, $id);
        $this->events[$id]->add();
        return $id;
    }
    public function disable(string $id): void { if (isset($this->events[$id])) $this->events[$id]->del(); }
    public function enable(string $id): void
    {
        if (!isset($this->events[$id])) return;
        $cb = $this->callbacks[$id];
        isset($cb['interval']) ? $this->events[$id]->add($cb['interval']) : $this->events[$id]->add();
    }
    public function cancel(string $id): void
    {
        unset($this->deferQueue[$id]);
        if (isset($this->events[$id])) { $this->events[$id]->free(); unset($this->events[$id], $this->callbacks[$id]); }
    }
    public function stop(): void { $this->stopped = true; $this->handle->stop(); }
    public function run(): void
    {
        $this->stopped = false;
        while (!$this->stopped) {
            while ($this->deferQueue) {
                $q = $this->deferQueue; $this->deferQueue = [];
                foreach ($q as $id => $fn) $fn($id);
            }
            if ($this->stopped) break;
            if (!$this->events && !$this->deferQueue) break;
            $this->handle->loop($this->deferQueue ? EventBase::LOOP_ONCE | EventBase::LOOP_NONBLOCK : EventBase::LOOP_ONCE);
        }
    }
    public function pendingCount(): int { $n = 0; foreach ($this->events as $e) $n += (int) $e->pending; return $n; }
}

$d = new MiniEventDriver();
$log = [];
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
stream_set_blocking($a, false);
$d->defer(function ($id) use (&$log) { $log[] = "defer $id"; });
$d->delay(0.06, function ($id) use (&$log) { $log[] = "delay 60ms $id"; });
$d->delay(0.01, function ($id) use (&$log, $d, $b) { $log[] = "delay 10ms $id"; fwrite($b, "ping"); $d->defer(function ($id) use (&$log) { $log[] = "nested defer $id"; }); });
$n = 0;
$rep = $d->repeat(0.04, function ($id) use (&$log, &$n, $d) { $log[] = "repeat $id #" . ++$n; if ($n === 3) $d->cancel($id); });
$rd = $d->onReadable($a, function ($id, $stream) use (&$log, $d) {
    $data = fread($stream, 100);
    $log[] = "readable $id " . json_encode($data) . " stream=" . get_debug_type($stream);
    $d->disable($id);
});
$w = $d->onWritable($b, function ($id) use (&$log, $d) { $log[] = "writable $id"; $d->cancel($id); });
$sig = $d->onSignal(SIGUSR2, function ($id, $signo) use (&$log, $d) { $log[] = "signal $signo"; $d->cancel($id); });
$d->delay(0.14, function () use (&$log) { $log[] = "kill"; posix_kill(posix_getpid(), SIGUSR2); });
$d->delay(0.18, function () use (&$log, $d, $rd, $b) { $log[] = "re-enable reader"; fwrite($b, "again"); $d->enable($rd); });
$d->delay(0.24, function () use (&$log, $d) { $log[] = "stop, pending " . $d->pendingCount(); $d->stop(); });
$d->run();
echo implode("\n", $log), "\n";
echo "events left pending: ", $d->pendingCount(), "\n";
// The driver's Events and their callbacks form cycles (callback -> $d -> Event);
// collect them so valgrind.sh sees every Event freed. (PECL's Events are not
// visible to the cycle collector: under valgrind PECL still loses them here.)
$d = null;
gc_collect_cycles();
