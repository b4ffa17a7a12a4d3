--TEST--
EventBufferEvent::createPair: 100 MB each way at once, byte-exact (seeded streams, checksums), with deferred and with immediate callbacks, the watermarks keeping the buffers and the RSS bounded
--EXTENSIONS--
event
--FILE--
<?php
const TOTAL = 100 << 20;        // bytes per direction
const READ_LOW = 4096;          // read callback only with at least this much input (until the tail)
const READ_HIGH = 256 << 10;    // the pair moves no more than this into the reader's input
const WRITE_LOW = 64 << 10;     // write callback once the output has drained to this
const FILL = 512 << 10;         // the producer tops its output up to this, no further
const TIME_LIMIT = 60;          // seconds for both modes together

/** A seeded byte stream: the producer and the checker each draw the same bytes from one. */
final class SeededStream
{
    private Random\Randomizer $rng;
    private string $buf = '';

    public function __construct(int $seed)
    {
        $this->rng = new Random\Randomizer(new Random\Engine\Xoshiro256StarStar($seed));
    }

    public function take(int $n): string
    {
        while (strlen($this->buf) < $n) $this->buf .= $this->rng->getBytes(65536);
        $out = substr($this->buf, 0, $n);
        $this->buf = substr($this->buf, $n);
        return $out;
    }
}

function vm_kb(string $field): int
{
    preg_match('/^' . $field . ':\s+(\d+) kB/m', file_get_contents('/proc/self/status'), $m);
    return (int) $m[1];
}

/**
 * Both ends of one pair produce TOTAL bytes for the other and check what they
 * receive against the other's seeded stream, byte by byte and by checksum.
 * Returns the lines to print, which name no timing and no address.
 */
function run_pair(int $options, string $label, float $seconds): array
{
    $base = new EventBase();
    $pair = EventBufferEvent::createPair($base, $options);
    $out = ["$label: pair of two EventBufferEvents: " . var_export(is_array($pair) && count($pair) === 2
        && $pair[0] instanceof EventBufferEvent && $pair[1] instanceof EventBufferEvent, true)];

    $side = [];
    foreach ([0, 1] as $k) {
        $side[$k] = [
            'name' => $k === 0 ? 'a->b' : 'b->a',   // the direction this side produces
            'send' => new SeededStream(1000 + $k),
            'expect' => new SeededStream(1000 + (1 - $k)),
            'chunks' => new Random\Randomizer(new Random\Engine\Xoshiro256StarStar(2000 + $k)),
            'sent' => 0, 'sentSum' => hash_init('xxh128'), 'got' => 0, 'sum' => hash_init('xxh128'),
            'readCalls' => 0, 'maxInput' => 0, 'underLow' => 0, 'overHigh' => 0,
            'writeCalls' => 0, 'mismatchAt' => null, 'low' => READ_LOW,
        ];
    }
    $violations = [];

    // Tops the output up to FILL with random-sized pieces, through the three ways to queue bytes.
    $produce = function (EventBufferEvent $bev, int $k) use (&$side) {
        $s = &$side[$k];
        $staging = new EventBuffer();
        while ($bev->output->length < FILL && $s['sent'] < TOTAL) {
            $n = min($s['chunks']->getInt(1, 65536), TOTAL - $s['sent']);
            $chunk = $s['send']->take($n);
            hash_update($s['sentSum'], $chunk);
            switch ($s['sent'] % 3) {
                case 0: $bev->write($chunk); break;
                case 1: $bev->output->add($chunk); break;
                default: $staging->add($chunk); $bev->writeBuffer($staging); break;
            }
            $s['sent'] += $n;
        }
    };

    $onRead = function (EventBufferEvent $bev, int $k) use (&$side, $base) {
        $s = &$side[$k];
        $len = $bev->input->length;
        $s['readCalls']++;
        $s['maxInput'] = max($s['maxInput'], $len);
        if ($len < $s['low']) $s['underLow']++;
        if ($len > READ_HIGH) $s['overHigh']++;
        // Drain all of it (nothing would call back for a remainder), three ways
        // in turn. Note: as the input drops under the high mark the pair refills
        // it from the other side's output at once, so the read() loop may return
        // more than $len in total (PECL/libevent do so).
        $data = '';
        switch ($s['readCalls'] % 3) {
            case 0:
                while (($d = $bev->read(20000)) !== null && $d !== '') $data .= $d;
                break;
            case 1:
                $data = $bev->input->read($len);
                break;
            default:
                $tmp = new EventBuffer();
                $bev->readBuffer($tmp);
                $data = $tmp->read($tmp->length);
        }
        $n = strlen($data);
        $expected = $s['expect']->take($n);
        if ($s['mismatchAt'] === null && $data !== $expected) {
            for ($j = 0; $j < $n && $data[$j] === $expected[$j]; $j++);
            $s['mismatchAt'] = $s['got'] + $j;
        }
        hash_update($s['sum'], $data);
        $s['got'] += $n;
        // The last bytes may be fewer than the low watermark: drop it for the tail.
        if (TOTAL - $s['got'] < $s['low']) {
            $s['low'] = 0;
            $bev->setWatermark(Event::READ, 0, READ_HIGH);
        }
        if ($side[0]['got'] >= TOTAL && $side[1]['got'] >= TOTAL) $base->stop();
    };

    $onWrite = function (EventBufferEvent $bev, int $k) use (&$side, $produce) {
        $side[$k]['writeCalls']++;
        $produce($bev, $k);
    };

    $onEvent = function (EventBufferEvent $bev, int $events, int $k) use (&$violations, $base) {
        $violations[] = "side $k: unexpected event $events";
        $base->stop();
    };

    foreach ($pair as $k => $bev) {
        $bev->setCallbacks($onRead, $onWrite, $onEvent, $k);
        $bev->setWatermark(Event::READ, READ_LOW, READ_HIGH);
        $bev->setWatermark(Event::WRITE, WRITE_LOW, 0);
        // A pair starts with only WRITE enabled, as libevent's does.
        $bev->enable(Event::READ | Event::WRITE);
    }

    $timedOut = false;
    $guard = Event::timer($base, function () use ($base, &$timedOut) { $timedOut = true; $base->stop(); });
    $guard->addTimer($seconds);
    $warmRss = null;
    $probe = new Event($base, -1, Event::TIMEOUT | Event::PERSIST, function () use (&$warmRss, &$side) {
        // The RSS once the first 8 MB have gone through both ways is the baseline.
        if ($warmRss === null && $side[0]['got'] > (8 << 20) && $side[1]['got'] > (8 << 20)) $warmRss = vm_kb('VmRSS');
    });
    $probe->add(0.01);
    $hwmBefore = vm_kb('VmHWM');

    $t0 = hrtime(true);
    $produce($pair[0], 0);
    $produce($pair[1], 1);
    $base->loop();
    $elapsed = (hrtime(true) - $t0) / 1e9;
    $peakRss = vm_kb('VmHWM');

    $out[] = "$label: timed out: " . var_export($timedOut, true);
    foreach ([0, 1] as $k) {
        $r = $side[1 - $k];             // the side that received what side $k produced
        $sentSum = hash_final($side[$k]['sentSum']);
        $gotSum = hash_final($r['sum']);
        $out[] = sprintf("%s: sent=%d received=%d first_mismatch=%s xxh128=%s same_as_sent:%s", $side[$k]['name'], $side[$k]['sent'],
            $r['got'], var_export($r['mismatchAt'], true), $gotSum, var_export($gotSum === $sentSum, true));
        // libevent's read watermarks: a read callback sees at least the low mark
        // (while set) and the pair never moves the input past the high mark.
        $out[] = sprintf("  reader: under_low=%d over_high=%d reached_high:%s; writer called back:%s", $r['underLow'], $r['overHigh'],
            var_export($r['maxInput'] === READ_HIGH, true), var_export($side[$k]['writeCalls'] > 0, true));
    }
    // Bounded memory: at most about FILL + READ_HIGH of buffered bytes per side
    // and a few 64 KiB strings in PHP. 16 MB of slack covers allocator noise;
    // without the watermarks up to 200 MB could sit in the buffers. The peak is
    // measured from the warm-up point when this run set a new high-water mark.
    $growthMb = ($peakRss - max($warmRss ?? $peakRss, $hwmBefore)) / 1024;
    $out[] = "$label: warmed up: " . var_export($warmRss !== null, true) . ", RSS growth after warm-up under 16 MB: " . var_export($growthMb < 16, true);
    foreach ($violations as $v) $out[] = "error: $v";
    if ($growthMb >= 16 || getenv('EVENT_TEST_TIMING')) {
        fprintf(STDERR, "bev_pair_100mb %s: %.1f s, RSS after warm-up %d kB, peak %d kB\n", $label, $elapsed, $warmRss, $peakRss);
    }
    foreach ($pair as $bev) $bev->free();
    return $out;
}

$deadline = microtime(true) + TIME_LIMIT;
foreach ([EventBufferEvent::OPT_DEFER_CALLBACKS => 'deferred', 0 => 'immediate'] as $options => $label) {
    echo implode("\n", run_pair($options, $label, max(1.0, $deadline - microtime(true)))), "\n";
}
?>
--EXPECT--
deferred: pair of two EventBufferEvents: true
deferred: timed out: false
a->b: sent=104857600 received=104857600 first_mismatch=NULL xxh128=fb939ed4a3c5ff6fd7f67af1d3339b1c same_as_sent:true
  reader: under_low=0 over_high=0 reached_high:true; writer called back:true
b->a: sent=104857600 received=104857600 first_mismatch=NULL xxh128=fc85f3def2d3851cc8c20835bdc753eb same_as_sent:true
  reader: under_low=0 over_high=0 reached_high:true; writer called back:true
deferred: warmed up: true, RSS growth after warm-up under 16 MB: true
immediate: pair of two EventBufferEvents: true
immediate: timed out: false
a->b: sent=104857600 received=104857600 first_mismatch=NULL xxh128=fb939ed4a3c5ff6fd7f67af1d3339b1c same_as_sent:true
  reader: under_low=0 over_high=0 reached_high:true; writer called back:true
b->a: sent=104857600 received=104857600 first_mismatch=NULL xxh128=fc85f3def2d3851cc8c20835bdc753eb same_as_sent:true
  reader: under_low=0 over_high=0 reached_high:true; writer called back:true
immediate: warmed up: true, RSS growth after warm-up under 16 MB: true
