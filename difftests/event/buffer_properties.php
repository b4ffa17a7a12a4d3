<?php
// EventBuffer's length and contiguous_space (libevent's chunk layout after
// adds, prepends, drains and pullups), var_dump/print_r/casts/get_object_vars,
// isset/empty/unset, writes (fatal), references, dynamic properties,
// subclasses, comparison, clone and serialize.
function t($l, $f) { try { echo "$l: "; var_dump($f()); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
$b = new EventBuffer;
t('fresh', fn() => [$b->length, $b->contiguous_space, isset($b->length), empty($b->length), empty($b->contiguous_space)]);
foreach (["hello", str_repeat("x", 2000), str_repeat("y", 5000), "", str_repeat("z", 970)] as $d) { $b->add($d); echo $b->length, " ", $b->contiguous_space, "\n"; }
$b->prepend("PRE"); echo $b->length, " ", $b->contiguous_space, "\n";
$b->prepend(str_repeat("p", 3000)); echo $b->length, " ", $b->contiguous_space, "\n";
foreach ([4, 1, 3000, 900, 2000] as $n) { $b->drain($n); echo "drain $n: ", $b->length, " ", $b->contiguous_space, "\n"; }
foreach ([10, 2000, 5000, -1] as $n) { $r = $b->pullup($n); echo "pullup $n: ", strlen($r), " ", $b->length, " ", $b->contiguous_space, "\n"; }
$b->expand(10000); echo "expand: ", $b->length, " ", $b->contiguous_space, "\n";
$b->add(str_repeat("q", 7000)); echo "add: ", $b->length, " ", $b->contiguous_space, "\n";
$c = new EventBuffer; $c->add(str_repeat("c", 3000)); $c->add(str_repeat("d", 3000));
echo "appendFrom: ", $b->appendFrom($c, 4100), " ", $b->length, " ", $b->contiguous_space, " ", $c->length, " ", $c->contiguous_space, "\n";
$e = new EventBuffer;
echo "appendFrom into empty: ", $e->appendFrom($c, 10), " ", $e->contiguous_space, " ", $c->contiguous_space, "\n";
$e->prependBuffer($c); echo "prependBuffer: ", $e->length, " ", $e->contiguous_space, "\n";
$b->drain(PHP_INT_MAX);
$b->add("short");
var_dump($b);
print_r($b); echo "\n";
var_dump((array)$b, get_object_vars($b));
foreach ($b as $k => $v) echo "$k => $v\n";
t('ref', function () use ($b) { $r = &$b->length; return $r; });
t('append op', function () use ($b) { $b->length .= "x"; return $b->length; });
t('unset', function () use ($b) { unset($b->length, $b->contiguous_space); return [$b->length, $b->contiguous_space]; });
t('isset', fn() => [isset($b->length), isset($b->contiguous_space), isset($b->nope), property_exists($b, 'length')]);
t('undefined', fn() => $b->nope);
$b->dyn = 5;
t('dynamic', fn() => [$b->dyn, get_object_vars($b), isset($b->dyn)]);
var_dump($b);
unset($b->dyn);
t('after unset', fn() => get_object_vars($b));
class Sub extends EventBuffer { public $extra = 1; }
$s = new Sub; $s->add("abc");
var_dump($s); t('sub vars', fn() => get_object_vars($s));
t('sub methods', fn() => [$s->readLine(EventBuffer::EOL_ANY), $s->length, $s instanceof EventBuffer]);
$x = new EventBuffer; $y = new EventBuffer;
t('==', fn() => [$x == $y, $x == $b, $b == $b]);
$x->add("a"); $y->add("a");
t('== after add', fn() => [$x == $y]);
get_object_vars($x);
t('== after props', fn() => [$x == $y, $y == $x]);
t('clone', fn() => clone $b);
t('serialize', fn() => serialize($b));
t('constants', fn() => [EventBuffer::EOL_ANY, EventBuffer::EOL_CRLF, EventBuffer::EOL_CRLF_STRICT, EventBuffer::EOL_LF, EventBuffer::EOL_NUL, EventBuffer::PTR_SET, EventBuffer::PTR_ADD]);
echo "write:\n";
$b->length = 5;
echo "not reached\n";
