<?php
// EventBuffer::write() and readFrom() on socket pairs, files, Socket objects
// and bad descriptors; howmuch limits, frozen ends, EOF, chunk layout after reads.
function t($l, $f) { try { echo "$l: "; var_dump($f()); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
// Non-blocking: a read with nothing waiting fails (false) instead of blocking.
stream_set_blocking($b, false);
$buf = new EventBuffer;
$buf->add(str_repeat("0123456789", 1000));
t('write 5', fn() => $buf->write($a, 5));
t('write 0', fn() => $buf->write($a, 0));
t('write rest', fn() => $buf->write($a));
t('left', fn() => [$buf->length, $buf->contiguous_space]);
t('write empty', fn() => $buf->write($a));
$in = new EventBuffer;
t('readFrom 3', fn() => [$in->readFrom($b, 3), $in->length, $in->contiguous_space]);
t('readFrom 0', fn() => [$in->readFrom($b, 0), $in->length, $in->contiguous_space]);
for ($i = 0; $i < 4; $i++) t("readFrom $i", fn() => [$in->readFrom($b), $in->length, $in->contiguous_space]);
t('same bytes', fn() => $in->substr(0) === str_repeat("0123456789", 1000));
$in->freeze(false);
fwrite($a, "abc");
t('readFrom frozen back', fn() => [$in->readFrom($b), $in->length]);
$in->unfreeze(false);
t('readFrom after', fn() => [$in->readFrom($b, 100), $in->length, $in->substr(-3 + $in->length)]);
$in->freeze(true);
t('write frozen front', fn() => $in->write($a));
$in->unfreeze(true);
fclose($a);
t('readFrom eof', fn() => [$in->readFrom($b), $in->length]);
// A Socket object and a plain int descriptor.
$pair = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
$o = new EventBuffer; $o->add("via socket");
t('write Socket', fn() => $o->write($pair[0]));
$r = new EventBuffer;
t('readFrom Socket', fn() => [$r->readFrom($pair[1]), $r->substr(0)]);
// A regular file.
$tmp = tempnam(sys_get_temp_dir(), 'evb');
$fw = fopen($tmp, 'w');
$o->add(str_repeat("f", 5000));
t('write file', fn() => [$o->write($fw, 4500), $o->length]);
$fr = fopen($tmp, 'r');
$r2 = new EventBuffer;
t('readFrom file', fn() => [$r2->readFrom($fr), $r2->readFrom($fr), $r2->readFrom($fr), $r2->length, $r2->contiguous_space]);
unlink($tmp);
t('write bad', function() { $b = new EventBuffer; $b->add("x"); return [$b->write(99999), $b->readFrom(99999)]; });
t('write -1', function() { $b = new EventBuffer; $b->add("x"); return $b->write(-1); });
t('write string', function() { $b = new EventBuffer; $b->add("x"); return $b->write("abc"); });
t('write memory', function() { $b = new EventBuffer; $b->add("x"); return $b->write(fopen("php://memory", "r")); });
t('write closed', function() { $b = new EventBuffer; $b->add("x"); $f = fopen("php://stdin", "r"); fclose($f); return $b->write($f); });
t('write unconnected Socket', function() { $b = new EventBuffer; $b->add("x"); $s = socket_create(AF_UNIX, SOCK_STREAM, 0); return $b->write($s); });
t('write array', function() { $b = new EventBuffer; $b->add("x"); return $b->write([]); });
t('write object', function() { $b = new EventBuffer; $b->add("x"); return $b->write(new stdClass); });
t('readFrom null', function() { $b = new EventBuffer; return $b->readFrom(null); });
t('write no args', function() { $b = new EventBuffer; return $b->write(); });
