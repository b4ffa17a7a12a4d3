<?php
// EventBuffer: seeded random sequences of every buffer operation on two
// buffers; after each step the lengths, contiguous_space (libevent's chunk
// layout) and a digest of the contents. write()/readFrom() go through a socket pair.
function step($name, $r) { echo $name, " => ", is_string($r) ? "string(" . strlen($r) . ") " . md5($r) : var_export($r, true), "\n"; }
[$sa, $sb] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
stream_set_blocking($sa, false); stream_set_blocking($sb, false);
foreach ([1, 7, 42, 1234, 99, 2024] as $seed) {
    mt_srand($seed);
    $b = [new EventBuffer, new EventBuffer];
    $chars = "ab\r\n\0xyz";
    $data = function () use ($chars) { $n = [0, 1, 5, 100, 900, 1000, 3000, 5000][mt_rand(0, 7)]; $s = ''; for ($i = 0; $i < $n; $i++) $s .= $chars[mt_rand(0, 7)]; return $s; };
    echo "seed $seed\n";
    for ($i = 0; $i < 300; $i++) {
        $x = mt_rand(0, 1); $y = $b[$x]; $z = $b[1 - $x];
        $n = mt_rand(-2, 6000);
        switch (mt_rand(0, 21)) {
            case 0: case 1: case 2: step("add", $y->add($data())); break;
            case 3: step("prepend", $y->prepend($data())); break;
            case 4: step("drain $n", $y->drain($n)); break;
            case 5: step("read $n", $y->read($n)); break;
            case 6: $s = mt_rand(-2, 5); step("readLine $s", $y->readLine($s)); break;
            // pullup(n) for 0 < n < length: PECL returns memory past the
            // pulled-up bytes and corrupts a neighbouring chunk (docs/event.md).
            case 7: $p = $n % 3 == 0 ? -1 : ($n % 3 == 1 ? $y->length + 1 : 0); $r = $y->pullup($p); step("pullup $p", $r === null ? null : md5($r)); break;
            case 8: step("expand $n", $y->expand($n)); break;
            case 9: step("appendFrom $n", $y->appendFrom($z, $n)); break;
            case 10: step("addBuffer", $y->addBuffer($z)); break;
            case 11: step("prependBuffer", $y->prependBuffer($z)); break;
            case 12: $w = substr($data(), 0, mt_rand(0, 3)); $s = mt_rand(-1, 300); $e = mt_rand(-1, 300);
                step("search", @$y->search($w, $s, $e)); break;
            case 13: $s = mt_rand(-1, 300); step("searchEol", @$y->searchEol($s, mt_rand(0, 4))); break;
            case 14: $s = mt_rand(-1, 300); step("substr", @$y->substr($s, mt_rand(-1, 500))); break;
            case 15: $o = ''; $r = $y->copyout($o, $n); step("copyout $n", [$r, md5($o)]); break;
            case 16: $f = (bool)mt_rand(0, 1); step("freeze $f", $y->freeze($f)); break;
            case 17: case 18: $f = (bool)mt_rand(0, 1); step("unfreeze $f", $y->unfreeze($f)); break;
            case 19: step("self appendFrom", $y->appendFrom($y, $n)); break;
            // Through a socket pair: write from one buffer, readFrom into the other.
            case 20: step("write $n", $y->write($sa, $n % 3 ? $n : -1)); break;
            case 21: $h = mt_rand(-1, 5000); step("readFrom $h", $z->readFrom($sb, $h)); break;
        }
        echo "  ", $b[0]->length, "/", $b[0]->contiguous_space, " ", $b[1]->length, "/", $b[1]->contiguous_space, " ", md5($b[0]->substr(0)), "\n";
    }
}
