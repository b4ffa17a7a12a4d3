<?php
// php-tests/event/reactphp_loop.phpt run under PECL event and under ours: a
// ReactPHP ExtEventLoop-style loop must behave identically.
// The structure and calls of react/event-loop's ExtEventLoop, reduced.
final class MiniExtLoop
{
    private $eventBase;
    private $ticks = [];
    private $timerCallback;
    private $timerEvents;
    private $streamCallback;
    private $readEvents = [];
    private $writeEvents = [];
    private $readListeners = [];
    private $writeListeners = [];
    private $readRefs = [];
    private $writeRefs = [];
    private $running;
    private $signalEvents = [];

    public function __construct()
    {
        $config = new EventConfig();
        $config->requireFeatures(EventConfig::FEATURE_FDS);
        $this->eventBase = new EventBase($config);
        $this->timerEvents = new SplObjectStorage();
        $timers = $this->timerEvents;
        $this->timerCallback = function ($_, $__, $timer) use ($timers) {
            call_user_func($timer->cb, $timer);
            if (!$timer->periodic && $timers->contains($timer)) {
                $this->cancelTimer($timer);
            }
        };
        $this->streamCallback = function ($stream, $flags) {
            $key = (int) $stream;
            if (Event::READ === (Event::READ & $flags) && isset($this->readListeners[$key])) {
                call_user_func($this->readListeners[$key], $stream);
            }
            if (Event::WRITE === (Event::WRITE & $flags) && isset($this->writeListeners[$key])) {
                call_user_func($this->writeListeners[$key], $stream);
            }
        };
    }
    public function method() { return $this->eventBase->getMethod(); }
    public function addReadStream($stream, $listener)
    {
        $key = (int) $stream;
        if (isset($this->readListeners[$key])) return;
        $event = new Event($this->eventBase, $stream, Event::PERSIST | Event::READ, $this->streamCallback);
        $event->add();
        $this->readEvents[$key] = $event;
        $this->readListeners[$key] = $listener;
        $this->readRefs[$key] = $stream;
    }
    public function addWriteStream($stream, $listener)
    {
        $key = (int) $stream;
        if (isset($this->writeListeners[$key])) return;
        $event = new Event($this->eventBase, $stream, Event::PERSIST | Event::WRITE, $this->streamCallback);
        $event->add();
        $this->writeEvents[$key] = $event;
        $this->writeListeners[$key] = $listener;
        $this->writeRefs[$key] = $stream;
    }
    public function removeReadStream($stream)
    {
        $key = (int) $stream;
        if (isset($this->readEvents[$key])) {
            $this->readEvents[$key]->free();
            unset($this->readEvents[$key], $this->readListeners[$key], $this->readRefs[$key]);
        }
    }
    public function removeWriteStream($stream)
    {
        $key = (int) $stream;
        if (isset($this->writeEvents[$key])) {
            $this->writeEvents[$key]->free();
            unset($this->writeEvents[$key], $this->writeListeners[$key], $this->writeRefs[$key]);
        }
    }
    public function addTimer($interval, $callback, $periodic = false)
    {
        $timer = (object) ['interval' => $interval, 'cb' => $callback, 'periodic' => $periodic];
        $flags = Event::TIMEOUT;
        if ($periodic) $flags |= Event::PERSIST;
        $event = new Event($this->eventBase, -1, $flags, $this->timerCallback, $timer);
        $this->timerEvents[$timer] = $event;
        $event->add($interval);
        return $timer;
    }
    public function addPeriodicTimer($interval, $callback) { return $this->addTimer($interval, $callback, true); }
    public function cancelTimer($timer)
    {
        if ($this->timerEvents->contains($timer)) {
            $this->timerEvents[$timer]->free();
            $this->timerEvents->detach($timer);
        }
    }
    public function futureTick($listener) { $this->ticks[] = $listener; }
    public function addSignal($signal, $listener)
    {
        if (!isset($this->signalEvents[$signal])) {
            $this->signalEvents[$signal] = Event::signal($this->eventBase, $signal, function ($signo) use ($listener) { $listener($signo); });
            $this->signalEvents[$signal]->add();
        }
    }
    public function removeSignal($signal)
    {
        if (isset($this->signalEvents[$signal])) {
            $this->signalEvents[$signal]->free();
            unset($this->signalEvents[$signal]);
        }
    }
    public function run()
    {
        $this->running = true;
        while ($this->running) {
            $ticks = $this->ticks; $this->ticks = [];
            foreach ($ticks as $t) $t();
            $flags = EventBase::LOOP_ONCE;
            if (!$this->running || $this->ticks) {
                $flags |= EventBase::LOOP_NONBLOCK;
            } elseif (!$this->readEvents && !$this->writeEvents && !$this->timerEvents->count() && !$this->signalEvents) {
                break;
            }
            $this->eventBase->loop($flags);
        }
    }
    public function stop() { $this->running = false; }
}

$loop = new MiniExtLoop();
echo "method: ", $loop->method(), "\n";
$log = [];
// Streams: an echo over a socket pair, written when writable.
list($a, $c) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
stream_set_blocking($a, false); stream_set_blocking($c, false);
$out = "ping";
$loop->addWriteStream($c, function ($s) use (&$out, $loop, &$log) {
    fwrite($s, $out); $log[] = "wrote $out"; $loop->removeWriteStream($s);
});
$loop->addReadStream($a, function ($s) use ($loop, &$log) {
    $d = fread($s, 100);
    if ($d === '' || $d === false) { $log[] = "eof"; $loop->removeReadStream($s); return; }
    $log[] = "read $d";
    fwrite($s, strtoupper($d));
});
$loop->addReadStream($c, function ($s) use ($loop, &$log) {
    $log[] = "echo " . fread($s, 100);
    $loop->removeReadStream($s);
    fclose($s);
});
// Timers: one-shot, periodic cancelled after 3 runs, a cancelled one never runs.
$loop->addTimer(0.3, function () use (&$log) { $log[] = "timer 300ms"; });
$n = 0;
$loop->addPeriodicTimer(0.01, function ($t) use (&$n, $loop, &$log) { $log[] = "periodic " . ++$n; if ($n === 3) $loop->cancelTimer($t); });
$never = $loop->addTimer(0.02, function () use (&$log) { $log[] = "never"; });
$loop->cancelTimer($never);
// futureTick: runs before the next poll, and ticks queued from ticks run on a later pass.
$loop->futureTick(function () use ($loop, &$log) { $log[] = "tick 1"; $loop->futureTick(function () use (&$log) { $log[] = "tick 2"; }); });
// Signals: SIGALRM from pcntl_alarm(1) while the loop blocks.
$loop->addTimer(0.4, function () use ($loop, &$log) {
    $loop->addSignal(SIGALRM, function ($sig) use ($loop, &$log) { $log[] = "signal $sig"; $loop->removeSignal($sig); });
    pcntl_alarm(1);
});
$start = microtime(true);
$loop->run();
echo implode("\n", $log), "\n";
echo "took about 1s: ", var_export(microtime(true) - $start < 3, true), "\n";
fclose($a);
?>