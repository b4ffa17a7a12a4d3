<?php
// Event::free() unregisters the event, and `data` then reads as NULL, but the
// callback and the argument live until the object goes (their destructors
// run at unset, not at free), with and without get_properties() seen first.
class D { function __construct(public string $n) {} function __destruct() { echo "  {$this->n} destroyed\n"; } }
$b = new EventBase();
foreach ([false, true] as $seen) {
    echo "-- properties seen before free: ", var_export($seen, true), "\n";
    $cbHeld = new D('callback capture');
    $e = new Event($b, -1, Event::TIMEOUT, function () use ($cbHeld) {}, new D('argument'));
    unset($cbHeld);
    if ($seen) { $p = get_object_vars($e); unset($p); }
    echo "free\n";
    $e->free();
    echo "after free: data ", var_export($e->data, true), ", pending ", var_export($e->pending ?? 'unset', true), "\n";
    $e->free();
    echo "second free done\n";
    unset($e);
    echo "unset done\n";
}
// setCallback() after free() replaces the callback: the old one goes then.
$e = new Event($b, -1, Event::TIMEOUT, function () { }, new D('arg2'));
$e->free();
$e->data = new D('written after free');
echo "data after write: ", var_export($e->data, true), "\n";
unset($e);
echo "end\n";
