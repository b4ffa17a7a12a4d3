--TEST--
EventListener + EventBufferEvent: the PECL manual's echo server serves 1,000 concurrent clients of two other processes byte-exact (seeded payloads up to 1 MB, split writes)
--EXTENSIONS--
event
--SKIPIF--
<?php
// The server holds 1,000 accepted sockets plus the listener, the EventBase and
// six pipe ends, about 1,012 descriptors; each client process holds 500. PHP
// 8.2 cannot raise its own limit, so the soft RLIMIT_NOFILE must allow it
// (the common default of 1024 does, narrowly; an EMFILE on accept would reach
// the listener's error callback and fail the test saying so).
foreach (@file('/proc/self/limits') ?: [] as $l) {
    if (preg_match('/^Max open files\s+(\d+|unlimited)/', $l, $m) && $m[1] !== 'unlimited' && (int) $m[1] < 1024) {
        die("skip needs a soft open-files limit of at least 1024 (ulimit -n 1024), have {$m[1]}");
    }
}
?>
--FILE--
<?php
const CLIENTS = 1000;
const CLIENT_PROCS = 2;         // 500 sockets each: well below stream_select()'s FD_SETSIZE of 1024
const SEED = 20261129;
const MAX_PAYLOAD = 1 << 20;
const TIME_LIMIT = 45;          // seconds; the server's guard timer and each client's own deadline

// The client: plain PHP streams and stream_select() in a separate `php -n`
// (no extension at all), so nothing under test is on the client side. Every
// client connects at once, then writes its payload in random-sized pieces
// (1 byte to 64 KiB, non-blocking, partial writes resumed) while reading the
// echo and comparing each byte as it arrives. All sockets stay open until the
// server side says so, which makes the 1,000 connections concurrent. Payload
// i is a slice of a seeded 2 MiB random pool (offset and length from a
// generator seeded with SEED and i), so both sides agree without shipping it.
$clientCode = <<<'CLIENT'
[, $port, $first, $count, $seed, $maxPayload, $timeLimit] = array_map('intval', $argv);
$deadline = hrtime(true) + $timeLimit * 1000000000;
$poolSize = 2 * $maxPayload;
$pool = (new Random\Randomizer(new Random\Engine\Xoshiro256StarStar($seed)))->getBytes($poolSize);
$socks = []; $c = [];
$ok = 0; $bad = 0; $bytes = 0; $errors = [];
$fail = function ($i, $why) use (&$socks, &$c, &$bad, &$errors) {
    if (count($errors) < 5) $errors[] = "client $i: $why";
    $bad++;
    fclose($socks[$i]);
    unset($socks[$i]);
    $c[$i]['done'] = true;
};
for ($i = $first; $i < $first + $count; $i++) {
    $rng = new Random\Randomizer(new Random\Engine\Xoshiro256StarStar($seed + 1 + $i));
    // Lengths lean small (mean ~1/3 MiB) so 1,000 clients fit in the time; client 0 sends exactly 1 MiB, client 1 one byte.
    $len = match ($i) { 0 => $maxPayload, 1 => 1, default => 1 + intdiv(($maxPayload - 1) * $rng->getInt(0, 1 << 15) ** 2, 1 << 30) };
    $s = stream_socket_client("tcp://127.0.0.1:$port", $en, $es, 10, STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
    if (!$s) { $bad++; $errors[] = "client $i: connect: $es"; continue; }
    stream_set_blocking($s, false);
    stream_set_read_buffer($s, 0);
    $socks[$i] = $s;
    $c[$i] = ['len' => $len, 'off' => $rng->getInt(0, $poolSize - $len), 'sent' => 0, 'got' => 0, 'rng' => $rng, 'done' => false];
    $bytes += $len;
}
$pending = count($socks);
while ($pending > 0) {
    if (hrtime(true) > $deadline) { $errors[] = "deadline: $pending clients unfinished"; $bad += $pending; break; }
    $r = [STDIN]; $w = [];
    foreach ($socks as $i => $s) {
        if ($c[$i]['done']) continue;
        $r[$i + 1] = $s;
        if ($c[$i]['sent'] < $c[$i]['len']) $w[$i + 1] = $s;
    }
    $e = null;
    if (stream_select($r, $w, $e, 1) === false) { $errors[] = 'stream_select failed'; $bad += $pending; break; }
    foreach ($w as $k => $s) {
        $i = $k - 1;
        $st = &$c[$i];
        if ($st['done']) continue;
        $piece = $st['rng']->getInt(0, 7) === 0 ? $st['rng']->getInt(1, 64) : $st['rng']->getInt(1, 65536);
        $piece = min($piece, $st['len'] - $st['sent']);
        $n = @fwrite($s, substr($pool, $st['off'] + $st['sent'], $piece));
        if ($n === false) { $fail($i, "write failed after {$st['sent']} bytes"); $pending--; continue; }
        $st['sent'] += $n;
        unset($st);
    }
    foreach ($r as $k => $s) {
        if ($s === STDIN) { if (fgets(STDIN) === false) exit(2); continue; } // the server went away
        $i = $k - 1;
        $st = &$c[$i];
        if ($st['done']) continue;
        $d = fread($s, 65536);
        if ($d === '' || $d === false) {
            if (feof($s)) { $fail($i, "EOF after {$st['got']} of {$st['len']} bytes"); $pending--; }
            continue;
        }
        $n = strlen($d);
        if ($st['got'] + $n > $st['len']) { $fail($i, "echo longer than the " . $st['len'] . " bytes sent"); $pending--; continue; }
        if (substr_compare($pool, $d, $st['off'] + $st['got'], $n) !== 0) {
            for ($j = 0; $j < $n && $d[$j] === $pool[$st['off'] + $st['got'] + $j]; $j++);
            $fail($i, "echo differs at byte " . ($st['got'] + $j) . " of {$st['len']}"); $pending--; continue;
        }
        $st['got'] += $n;
        if ($st['got'] === $st['len']) { $st['done'] = true; $ok++; $pending--; }
        unset($st);
    }
}
fwrite(STDOUT, "done ok=$ok bad=$bad bytes=$bytes\n");
foreach ($errors as $err) fwrite(STDOUT, "error $err\n");
// Hold every connection until the server has seen all of them (one line, or EOF, on stdin).
stream_set_blocking(STDIN, true);
stream_set_timeout(STDIN, $timeLimit);
fgets(STDIN);
// Nothing may follow the echo: the connections must still be open and quiet.
$extra = 0;
foreach ($socks as $i => $s) {
    $d = fread($s, 65536);
    if ($d !== '' && $d !== false) $extra++;
    elseif (feof($s)) fwrite(STDOUT, "error client $i: closed by the server before the client\n");
    fclose($s);
}
fwrite(STDOUT, "closed extra=$extra\n");
CLIENT;

// The server: the echo server of the PECL manual (EventListener example),
// with its three ways to move input to output spread over the connections.
$base = new EventBase();
$conns = [];
$accepted = 0; $open = 0; $peakOpen = 0; $closed = 0; $echoed = 0; $serverErrors = [];
$echoStyles = [
    // The manual's variant #1: move every input chunk onto the output, no copy.
    function (EventBufferEvent $bev) use (&$echoed) {
        $echoed += $bev->input->length;
        $bev->output->addBuffer($bev->input);
    },
    // Through PHP strings: read() until the input is empty, write() each piece.
    function (EventBufferEvent $bev) use (&$echoed) {
        while (($d = $bev->read(16384)) !== null && $d !== '') {
            $echoed += strlen($d);
            $bev->write($d);
        }
    },
    // Through a separate EventBuffer: readBuffer() drains the input into it, writeBuffer() queues it.
    function (EventBufferEvent $bev) use (&$echoed) {
        $tmp = new EventBuffer();
        $bev->readBuffer($tmp);
        $echoed += $tmp->length;
        $bev->writeBuffer($tmp);
    },
];
$onRead = function (EventBufferEvent $bev, $id) use (&$conns, $echoStyles) {
    $echoStyles[$id % 3]($bev);
};
$onEvent = function (EventBufferEvent $bev, int $events, $id) use (&$conns, &$open, &$closed, &$serverErrors) {
    if ($events & EventBufferEvent::ERROR) {
        $serverErrors[] = "connection $id: ERROR event ($events): " . EventUtil::getLastSocketError();
    }
    if ($events & (EventBufferEvent::EOF | EventBufferEvent::ERROR)) {
        $bev->free();
        unset($conns[$id]);
        $open--;
        $closed++;
    }
};
$listener = new EventListener($base,
    function (EventListener $listener, $fd, array $address, $ctx) use ($base, &$conns, &$accepted, &$open, &$peakOpen, $onRead, $onEvent, &$serverErrors) {
        if ($address[0] !== '127.0.0.1' || !is_int($address[1])) $serverErrors[] = 'accept: unexpected address ' . json_encode($address);
        if ($ctx !== 'echo-ctx') $serverErrors[] = 'accept: unexpected arg ' . json_encode($ctx);
        $id = $accepted++;
        $bev = new EventBufferEvent($base, $fd, EventBufferEvent::OPT_CLOSE_ON_FREE);
        $bev->setCallbacks($onRead, null, $onEvent, $id);
        $bev->enable(Event::READ | Event::WRITE);
        // The object must stay referenced for the connection to live, as in the manual.
        $conns[$id] = $bev;
        $peakOpen = max($peakOpen, ++$open);
    },
    'echo-ctx', EventListener::OPT_CLOSE_ON_FREE | EventListener::OPT_REUSEABLE, 1024, '127.0.0.1:0');
$listener->setErrorCallback(function ($listener, $ctx) use ($base, &$serverErrors) {
    $serverErrors[] = 'listener error: ' . EventUtil::getLastSocketError();
    $base->stop();
});

// The port the kernel chose, from /proc (the socket inode of the listener's fd).
$port = null;
if (preg_match('/^socket:\[(\d+)\]$/', (string) @readlink('/proc/self/fd/' . $listener->fd), $m)) {
    foreach (file('/proc/net/tcp') as $line) {
        $f = preg_split('/\s+/', trim($line));
        if (($f[9] ?? '') === $m[1]) $port = hexdec(explode(':', $f[1])[1]);
    }
}
if (!$port) die("no port for the listener fd " . var_export($listener->fd, true) . "\n");

$procs = [];
register_shutdown_function(function () use (&$procs) {
    foreach ($procs as $p) { proc_terminate($p['h'], 9); proc_close($p['h']); }
    $procs = [];
});
$perProc = intdiv(CLIENTS, CLIENT_PROCS);
for ($k = 0; $k < CLIENT_PROCS; $k++) {
    $h = proc_open([PHP_BINARY, '-n', '-r', $clientCode, $port, $k * $perProc, $perProc, SEED, MAX_PAYLOAD, TIME_LIMIT],
        [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    if (!$h) die("proc_open failed\n");
    stream_set_blocking($pipes[1], false);
    $procs[$k] = ['h' => $h, 'in' => $pipes[0], 'out' => $pipes[1], 'err' => $pipes[2], 'text' => '', 'eof' => false];
}

$t0 = hrtime(true);
$finished = function () use (&$procs, &$open) {
    foreach ($procs as $p) if (!$p['eof']) return false;
    return $open === 0;
};
$told = false;
$readers = [];
foreach ($procs as $k => $p) {
    $readers[$k] = new Event($base, $p['out'], Event::READ | Event::PERSIST,
        function ($out) use ($k, &$procs, &$told, $base, $finished, &$readers) {
            $d = fread($out, 65536);
            if ($d !== '' && $d !== false) $procs[$k]['text'] .= $d;
            elseif (feof($out)) { $procs[$k]['eof'] = true; $readers[$k]->del(); }
            // Once every client process has finished its transfers, all 1,000
            // connections were open together: let the clients close them.
            if (!$told && count(array_filter($procs, fn($p) => str_contains($p['text'], "done "))) === CLIENT_PROCS) {
                $told = true;
                foreach ($procs as $p) fwrite($p['in'], "close\n");
            }
            if ($finished()) $base->stop();
        });
    $readers[$k]->add();
}
// The server frees each connection on the client's EOF; stop once all are gone.
$poll = new Event($base, -1, Event::TIMEOUT | Event::PERSIST, function () use ($base, $finished) {
    if ($finished()) $base->stop();
});
$poll->add(0.05);
$timedOut = false;
$guard = Event::timer($base, function () use ($base, &$timedOut) { $timedOut = true; $base->stop(); });
$guard->addTimer(TIME_LIMIT + 5);
$base->loop();
$elapsed = (hrtime(true) - $t0) / 1e9;

// On the normal path every client process has exited (its stdout reached EOF).
// After a timeout or a listener error they may still run: end them first, so
// that reading the rest of their output cannot block.
$clientErrors = [];
foreach ($procs as $k => $p) {
    fclose($p['in']);
    if (!$p['eof']) $clientErrors[] = "client process $k still running when the server stopped";
    proc_terminate($p['h'], 9);
    stream_set_blocking($p['out'], true);
    $procs[$k]['text'] .= stream_get_contents($p['out']);
    $procs[$k]['stderr'] = stream_get_contents($p['err']);
    proc_close($p['h']);
}
$ok = $bad = $bytes = 0; $extra = 0;
foreach ($procs as $k => $p) {
    preg_match('/done ok=(\d+) bad=(\d+) bytes=(\d+)/', $p['text'], $m) or $clientErrors[] = "client process $k: no result: " . trim($p['text'] . $p['stderr']);
    $ok += (int) ($m[1] ?? 0); $bad += (int) ($m[2] ?? 0); $bytes += (int) ($m[3] ?? 0);
    preg_match('/closed extra=(\d+)/', $p['text'], $m2) or $clientErrors[] = "client process $k: did not close";
    $extra += (int) ($m2[1] ?? 0);
    preg_match_all('/^error (.*)$/m', $p['text'], $em);
    array_push($clientErrors, ...$em[1]);
}
$procs = [];
$listener->free();

printf("server: accepted=%d peak_open=%d closed=%d echoed_bytes=%d\n", $accepted, $peakOpen, $closed, $echoed);
printf("clients: verified=%d failed=%d payload_bytes=%d extra_after_echo=%d\n", $ok, $bad, $bytes, $extra);
var_dump($timedOut, $echoed === $bytes);
foreach (array_slice(array_merge($serverErrors, $clientErrors), 0, 10) as $err) echo "error: $err\n";
if (getenv('EVENT_TEST_TIMING')) fprintf(STDERR, "bev_echo_1000: %.1f s\n", $elapsed);
?>
--EXPECT--
server: accepted=1000 peak_open=1000 closed=1000 echoed_bytes=373971403
clients: verified=1000 failed=0 payload_bytes=373971403 extra_after_echo=0
bool(false)
bool(true)
