--TEST--
EventHttp and EventHttpRequest: the cycle collector sees every callback and argument they hold (a server captured by its own callback, a request holding itself in its data), and an exception thrown in a request callback stops the loop and reaches loop()'s caller
--EXTENSIONS--
event
--FILE--
<?php
function serve(EventBase $base, ?int &$port): EventHttp {
    $http = new EventHttp($base);
    $sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_bind($sock, '127.0.0.1', 0);
    socket_listen($sock, 16);
    socket_getsockname($sock, $addr, $port);
    $http->accept($sock);
    $GLOBALS['listening'][] = $sock;
    return $http;
}
function exchange(EventBase $base, int $port, string $bytes, float $idle = 0.2): string {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    stream_set_blocking($c, false);
    fwrite($c, $bytes);
    $out = ''; $last = microtime(true);
    while (microtime(true) - $last < $idle) {
        $base->loop(EventBase::LOOP_NONBLOCK);
        $d = fread($c, 65536);
        if ($d !== '' && $d !== false) { $out .= $d; $last = microtime(true); continue; }
        if (feof($c)) { $out .= '[closed]'; break; }
        usleep(1000);
    }
    fclose($c);
    $base->loop(EventBase::LOOP_NONBLOCK);
    return json_encode(preg_replace('/^Date: .*\r\n/m', '', $out));
}
function t(callable $f): void {
    try { $r = $f(); echo var_export($r, true), "\n"; }
    catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
class Probe { public $self; function __construct(public string $n) {} function __destruct() { echo "destructed {$this->n}\n"; } }
$base = new EventBase();
function cycle(EventBase $base): void {
    // A server whose callbacks and arguments point back to it.
    $http = new EventHttp($base);
    $p = new Probe('callback arg');
    $p->self = $http;
    $http->setCallback('/x', function () use ($http) {}, $p);
    $http->setDefaultCallback(function () use ($http) {}, new Probe('default arg'));
    // A client request whose data and callback point back to it.
    $d = new Probe('request data');
    $r = new EventHttpRequest(function () use (&$r) {}, $d);
    $d->self = $r;
}
cycle($base);
echo "before gc_collect_cycles\n";
echo "collected: ", gc_collect_cycles() > 0 ? "yes" : "no", "\n";
echo "--- exception in a request callback\n";
$http = serve($base, $port);
$http->setDefaultCallback(function () { throw new LogicException('from the callback'); });
try { exchange($base, $port, "GET / HTTP/1.1\r\n\r\n"); echo "not thrown\n"; }
catch (LogicException $e) { echo "caught: ", $e->getMessage(), "\n"; }
?>
--EXPECTF--
before gc_collect_cycles
collected: destructed request data
destructed callback arg
destructed default arg
yes
--- exception in a request callback

Warning: EventBase::loop(): Breaking the loop due to exception LogicException in %s on line %d
caught: from the callback
