--TEST--
event: EventBuffer keeps libevent's chunk layout (contiguous_space), moves chunks between buffers and follows the freeze rules
--EXTENSIONS--
event
--FILE--
<?php
// Expected values observed with PECL event 3.1.5 on libevent 2.1.
$b = new EventBuffer;
$b->add("hello");              echo $b->length, "/", $b->contiguous_space, "\n";
$b->add(str_repeat("x", 2000)); echo $b->length, "/", $b->contiguous_space, "\n";
$b->prepend("PRE");            echo $b->length, "/", $b->contiguous_space, "\n";
$b->drain(4);                  echo $b->length, "/", $b->contiguous_space, "\n";
$b->pullup(-1);                echo $b->length, "/", $b->contiguous_space, "\n";
$c = new EventBuffer;
var_dump($c->appendFrom($b, 1000), $c->length, $b->length, $c->substr(0, 6));
var_dump($b->addBuffer($c), $c->length, $b->length, $b->substr(1000, 6));
$b->freeze(true);
var_dump($b->add("tail"), $b->prepend("head"), $b->prepend(""), $b->drain(1), $b->readLine(EventBuffer::EOL_ANY));
$b->unfreeze(true);
$b->freeze(false);
var_dump($b->add("tail"), $b->add(""), $b->prepend("head"), $b->appendFrom($c, 1));
$e = new EventBuffer;
$e->expand(4015);
$e->drain(10);                 // an empty buffer keeps its chunk
$e->add(str_repeat("a", 5000)); echo $e->length, "/", $e->contiguous_space, "\n";
var_dump($e->expand(-1), $e->expand(PHP_INT_MAX));
?>
--EXPECT--
5/5
2005/976
2008/3
2004/975
2004/2004
int(1000)
int(1000)
int(1004)
string(6) "elloxx"
bool(true)
int(0)
int(2004)
string(6) "xxxxel"
bool(true)
bool(false)
bool(true)
bool(false)
NULL
bool(false)
bool(false)
bool(true)
int(-1)
5000/4048
bool(false)
bool(false)
