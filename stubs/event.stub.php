<?php

/**
 * php-ipc's `event` group: PECL event 3.1.5's core classes (Event, EventBase, EventBuffer,
 * EventConfig, EventUtil, EventException) on Linux epoll, poll and select,
 * without libevent. Signatures as `php --re event` of PECL event shows them.
 *
 * @generate-class-entries
 */

/** @var string */
const EVENT_NS = "";

final class Event
{
    public const ET = 32;
    public const PERSIST = 16;
    public const READ = 2;
    public const WRITE = 4;
    public const SIGNAL = 8;
    public const TIMEOUT = 1;

    /** Whether the event is pending or active (read-only). */
    public $pending = null;
    /** The callback argument. */
    public $data = null;

    /** @param mixed $fd int fd, stream resource or Socket; a signal number with SIGNAL; ignored with TIMEOUT only */
    public function __construct(EventBase $base, mixed $fd, int $what, callable $cb, mixed $arg = null) {}
    public function free(): void {}
    public function set(EventBase $base, mixed $fd, ?int $what = null, ?callable $cb = null, mixed $arg = null): bool {}
    public static function getSupportedMethods(): array {}
    public function add(float $timeout = -1): bool {}
    public function del(): bool {}
    public function setPriority(int $priority): bool {}
    public function pending(int $flags): bool {}
    public function removeTimer(): bool {}
    public static function timer(EventBase $base, callable $cb, mixed $arg = null): Event {}
    public function setTimer(EventBase $base, callable $cb, mixed $arg = null): bool {}
    public static function signal(EventBase $base, int $signum, callable $cb, mixed $arg = null): Event {}
    /** @alias Event::add */
    public function addTimer(float $timeout = -1): bool {}
    /** @alias Event::del */
    public function delTimer(): bool {}
    /** @alias Event::add */
    public function addSignal(float $timeout = -1): bool {}
    /** @alias Event::del */
    public function delSignal(): bool {}
}

final class EventBase
{
    public const LOOP_ONCE = 1;
    public const LOOP_NONBLOCK = 2;
    public const NOLOCK = 1;
    public const STARTUP_IOCP = 4;
    public const NO_CACHE_TIME = 8;
    public const EPOLL_USE_CHANGELIST = 16;
    public const IGNORE_ENV = 2;
    public const PRECISE_TIMER = 32;

    public function __construct(?EventConfig $cfg = null) {}
    final public function __sleep(): array {}
    final public function __wakeup(): void {}
    public function getMethod(): string {}
    public function getFeatures(): int {}
    public function priorityInit(int $n_priorities): bool {}
    public function loop(int $flags = -1): bool {}
    public function dispatch(): bool {}
    public function exit(float $timeout = 0.0): bool {}
    public function set(Event $event): bool {}
    public function stop(): bool {}
    public function gotStop(): bool {}
    public function gotExit(): bool {}
    public function getTimeOfDayCached(): float {}
    public function reInit(): bool {}
    public function free(): void {}
    public function updateCacheTime(): bool {}
    public function resume(): bool {}
}

final class EventConfig
{
    public const FEATURE_ET = 1;
    public const FEATURE_O1 = 2;
    public const FEATURE_FDS = 4;

    public function __construct() {}
    final public function __sleep(): array {}
    final public function __wakeup(): void {}
    public function avoidMethod(string $method): bool {}
    public function requireFeatures(int $feature): bool {}
    public function setMaxDispatchInterval(int $max_interval, int $max_callbacks, int $min_priority): void {}
    public function setFlags(int $flags): bool {}
}

final class EventUtil
{
    public const AF_INET = 2;
    public const AF_INET6 = 10;
    public const AF_UNIX = 1;
    public const AF_UNSPEC = 0;
    public const SO_DEBUG = 1;
    public const SO_REUSEADDR = 2;
    public const SO_KEEPALIVE = 9;
    public const SO_DONTROUTE = 5;
    public const SO_LINGER = 13;
    public const SO_BROADCAST = 6;
    public const SO_OOBINLINE = 10;
    public const SO_SNDBUF = 7;
    public const SO_RCVBUF = 8;
    public const SO_SNDLOWAT = 19;
    public const SO_RCVLOWAT = 18;
    public const SO_SNDTIMEO = 21;
    public const SO_RCVTIMEO = 20;
    public const SO_TYPE = 3;
    public const SO_ERROR = 4;
    public const TCP_NODELAY = 1;
    public const SOL_SOCKET = 1;
    public const SOL_TCP = 6;
    public const SOL_UDP = 17;
    public const SOCK_RAW = 3;
    public const IPPROTO_IP = 0;
    public const IPPROTO_IPV6 = 41;
    public const LIBEVENT_VERSION_NUMBER = 33623040;

    private function __construct() {}
    public static function getLastSocketErrno(?Socket $socket = null): int|false {}
    public static function getLastSocketError(mixed $socket = null): string|false {}
    public static function sslRandPoll(): bool {}
    public static function getSocketName(mixed $socket, mixed &$address, mixed &$port = null): bool {}
    public static function getSocketFd(mixed $socket): int {}
    public static function setSocketOption(mixed $socket, int $level, int $optname, mixed $optval): bool {}
    public static function createSocket(int $fd): Socket|false {}
}

class EventBuffer
{
    public const EOL_ANY = 0;
    public const EOL_CRLF = 1;
    public const EOL_CRLF_STRICT = 2;
    public const EOL_LF = 3;
    public const EOL_NUL = 4;
    public const PTR_SET = 0;
    public const PTR_ADD = 1;

    /** The number of bytes in the buffer (read-only). */
    public $length = null;
    /** The number of bytes in the buffer's first chunk (read-only). */
    public $contiguous_space = null;

    public function __construct() {}
    public function freeze(bool $at_front): bool {}
    public function unfreeze(bool $at_front): bool {}
    /** Takes no argument in PECL despite the declared parameter; as there. */
    public function lock(bool $at_front): void {}
    /** Takes no argument in PECL despite the declared parameter; as there. */
    public function unlock(bool $at_front): void {}
    public function enableLocking(): void {}
    public function add(string $data): bool {}
    /** NULL when nothing was read. */
    public function read(int $max_bytes): string {}
    public function addBuffer(EventBuffer $buf): bool {}
    public function appendFrom(EventBuffer $buf, int $len): int {}
    public function expand(int $len): bool {}
    public function prepend(string $data): bool {}
    public function prependBuffer(EventBuffer $buf): bool {}
    public function drain(int $len): bool {}
    public function copyout(string &$data, int $max_bytes): int {}
    public function readLine(int $eol_style): ?string {}
    public function search(string $what, int $start = -1, int $end = -1): int|false {}
    public function searchEol(int $start = -1, int $eol_style = EventBuffer::EOL_ANY): int|false {}
    /** The whole contents once the first $size bytes are contiguous. */
    public function pullup(int $size): ?string {}
    /** @param mixed $fd int fd, stream resource or Socket */
    public function write(mixed $fd, int $howmuch = -1): int|false {}
    /** @param mixed $fd int fd, stream resource or Socket */
    public function readFrom(mixed $fd, int $howmuch = -1): int|false {}
    public function substr(int $start, int $length = -1): string|false {}
}

class EventException extends RuntimeException
{
    public $errorInfo = null;
}

/**
 * An OpenSSL SSL_CTX for EventBufferEvent's TLS methods and EventHttp. Every method PECL
 * offers on OpenSSL 3 is TLS_client_method or TLS_server_method; an invalid method warns
 * and leaves an object whose use throws Error (PECL crashes). Not serialisable.
 */
final class EventSslContext
{
    public const TLS_CLIENT_METHOD = 4;
    public const TLS_SERVER_METHOD = 8;
    /** Deprecated: TLS_CLIENT_METHOD. */
    public const TLSv11_CLIENT_METHOD = 9;
    /** Deprecated: TLS_SERVER_METHOD. */
    public const TLSv11_SERVER_METHOD = 10;
    /** Deprecated: TLS_CLIENT_METHOD. */
    public const TLSv12_CLIENT_METHOD = 11;
    /** Deprecated: TLS_SERVER_METHOD. */
    public const TLSv12_SERVER_METHOD = 12;
    public const OPT_LOCAL_CERT = 1;
    public const OPT_LOCAL_PK = 2;
    public const OPT_PASSPHRASE = 3;
    public const OPT_CA_FILE = 4;
    public const OPT_CA_PATH = 5;
    public const OPT_ALLOW_SELF_SIGNED = 6;
    public const OPT_VERIFY_PEER = 7;
    public const OPT_VERIFY_DEPTH = 8;
    public const OPT_CIPHERS = 9;
    /** Unknown option on OpenSSL 3 (warns). */
    public const OPT_NO_SSLv2 = 10;
    /** Unknown option on OpenSSL 3 (warns). */
    public const OPT_NO_SSLv3 = 11;
    /** Deprecated: true sets the minimum protocol version to TLS1_VERSION. */
    public const OPT_NO_TLSv1 = 12;
    /** Deprecated: true sets the minimum protocol version to TLS1_1_VERSION. */
    public const OPT_NO_TLSv1_1 = 13;
    /** Deprecated: true sets the minimum protocol version to TLS1_2_VERSION. */
    public const OPT_NO_TLSv1_2 = 14;
    public const OPT_CIPHER_SERVER_PREFERENCE = 15;
    public const OPT_REQUIRE_CLIENT_CERT = 16;
    public const OPT_VERIFY_CLIENT_ONCE = 17;
    /** The system's libssl, e.g. "OpenSSL 3.0.19 27 Jan 2026" (PECL: the OpenSSL it was built with). */
    public const OPENSSL_VERSION_TEXT = "OpenSSL 3.0.19 27 Jan 2026";
    /** OpenSSL_version_num() of the system's libssl, e.g. 0x30000130. */
    public const OPENSSL_VERSION_NUMBER = 805306672;
    public const SSL3_VERSION = 768;
    public const TLS1_VERSION = 769;
    public const TLS1_1_VERSION = 770;
    public const TLS1_2_VERSION = 771;
    public const DTLS1_VERSION = 65279;
    public const DTLS1_2_VERSION = 65277;

    /** OPT_LOCAL_CERT as given; writing it loads a certificate (and key) without changing what it reads. */
    public $local_cert = null;
    /** OPT_LOCAL_PK as given; writing it loads a private key without changing what it reads. */
    public $local_pk = null;

    /** @param array $options OPT_* => value, applied in the array's order */
    public function __construct(int $method, array $options) {}
    /** Always true, as PECL (an unknown version leaves the bound unchanged). */
    public function setMinProtoVersion(int $proto): bool {}
    /** Always true, as PECL (an unknown version leaves the bound unchanged). */
    public function setMaxProtoVersion(int $proto): bool {}
}

/** Asynchronous resolver (evdns): no blocking getaddrinfo; used by connectHost. */
final class EventDnsBase
{
    public const OPTION_SEARCH = 1;
    public const OPTION_NAMESERVERS = 2;
    public const OPTION_MISC = 4;
    public const OPTION_HOSTSFILE = 8;
    public const OPTIONS_ALL = 15;
    public const DISABLE_WHEN_INACTIVE = 32768;
    public const INITIALIZE_NAMESERVERS = 1;
    public const NAMESERVERS_NO_DEFAULT = 65536;

    /** @param int|bool $initialize true: read /etc/resolv.conf; or INITIALIZE_NAMESERVERS|DISABLE_WHEN_INACTIVE|NAMESERVERS_NO_DEFAULT */
    public function __construct(EventBase $base, mixed $initialize) {}
    /** True unless $flags has bits outside OPTIONS_ALL; a file problem is a warning. */
    public function parseResolvConf(int $flags, string $filename): bool {}
    public function addNameserverIp(string $ip): bool {}
    public function loadHosts(string $hosts): bool {}
    public function clearSearch(): void {}
    public function addSearch(string $domain): void {}
    public function setSearchNdots(int $ndots): void {}
    public function setOption(string $option, string $value): bool {}
    public function countNameservers(): int {}
}

/**
 * A connection listener (libevent's evconnlistener): accepts every pending
 * connection when its socket is readable and calls $cb for each.
 */
final class EventListener
{
    const OPT_LEAVE_SOCKETS_BLOCKING = 1;
    const OPT_CLOSE_ON_FREE = 2;
    const OPT_CLOSE_ON_EXEC = 4;
    const OPT_REUSEABLE = 8;
    const OPT_DISABLED = 32;
    const OPT_THREADSAFE = 16;
    const OPT_DEFERRED_ACCEPT = 64;

    /** The listening socket's fd (read-only; NULL once freed). */
    public $fd = null;

    /**
     * @param callable $cb function (EventListener $listener, ?int $fd, ?array $address, mixed $data): void;
     *                     $address is [ip, port] for inet/inet6 peers, NULL for Unix ones
     * @param mixed $target "ip:port", "[ipv6]:port", "host:port", "unix:/path", a Socket, a stream or an int fd
     */
    public function __construct(EventBase $base, callable $cb, mixed $data, int $flags, int $backlog, mixed $target) {}
    final public function __sleep(): array {}
    final public function __wakeup(): void {}
    public function free(): void {}
    public function enable(): bool {}
    public function disable(): bool {}
    /** A null or missing $arg keeps the current argument. */
    public function setCallback(callable $cb, mixed $arg = null): void {}
    /** @param callable $cb function (EventListener $listener, mixed $data): void */
    public function setErrorCallback(callable $cb): void {}
    public function getBase(): EventBase {}
    public function getSocketName(mixed &$address, mixed &$port): bool {}
}

/**
 * A libevent bufferevent: a socket one (over a Socket, a stream, an int fd or
 * none yet) or one half of a pair (createPair). Callbacks: readcb($bev, $arg),
 * writecb($bev, $arg), eventcb($bev, int $events, $arg).
 */
final class EventBufferEvent
{
    public const READING = 1;
    public const WRITING = 2;
    public const EOF = 16;
    public const ERROR = 32;
    public const TIMEOUT = 64;
    public const CONNECTED = 128;
    public const OPT_CLOSE_ON_FREE = 1;
    public const OPT_THREADSAFE = 2;
    public const OPT_DEFER_CALLBACKS = 4;
    public const OPT_UNLOCK_CALLBACKS = 8;
    public const SSL_OPEN = 0;
    public const SSL_CONNECTING = 1;
    public const SSL_ACCEPTING = 2;

    /** Always NULL (as PECL); writes are ignored. */
    public $priority = null;
    /** The descriptor, NULL without one; read-only. */
    public $fd = null;
    /** The input buffer (the same EventBuffer object at each read); read-only. */
    public $input = null;
    /** The output buffer (the same EventBuffer object at each read); read-only. */
    public $output = null;
    /** True while the bufferevent lives (no TLS); writes are ignored. */
    public $allow_ssl_dirty_shutdown = null;

    /** @param mixed $socket Socket, stream resource, int fd or null */
    public function __construct(EventBase $base, mixed $socket = null, int $options = 0, ?callable $readcb = null, ?callable $writecb = null, ?callable $eventcb = null, mixed $arg = null) {}
    public function free(): void {}
    /** Closes the descriptor (false without one); it stays set on the bufferevent. */
    public function close(): void {}
    /** "ip:port", "[ipv6]:port" or "unix:/path". */
    public function connect(string $addr): bool {}
    /** Without a DNS base the name is resolved with a blocking getaddrinfo, as libevent does. */
    public function connectHost(?EventDnsBase $dns_base, string $hostname, int $port, int $family = EventUtil::AF_UNSPEC): bool {}
    public function getDnsErrorString(): string {}
    public function setCallbacks(?callable $readcb, ?callable $writecb, ?callable $eventcb, mixed $arg = null): void {}
    public function enable(int $events): bool {}
    public function disable(int $events): bool {}
    public function getEnabled(): int {}
    /** A new EventBuffer object over the bufferevent's input at each call. */
    public function getInput(): EventBuffer {}
    /** A new EventBuffer object over the bufferevent's output at each call. */
    public function getOutput(): EventBuffer {}
    public function setWatermark(int $events, int $lowmark, int $highmark): void {}
    public function write(string $data): bool {}
    public function writeBuffer(EventBuffer $buf): bool {}
    /** NULL when nothing was read. */
    public function read(int $size): ?string {}
    public function readBuffer(EventBuffer $buf): bool {}
    /** @return array{0: EventBufferEvent, 1: EventBufferEvent}|false */
    public static function createPair(EventBase $base, int $options = 0): array|false {}
    public function setPriority(int $priority): bool {}
    public function setTimeouts(float $timeout_read, float $timeout_write): bool {}
    /** A TLS bufferevent over $unnderlying's buffers (PECL's spelling); it takes $unnderlying's callbacks over. */
    public static function createSslFilter(EventBufferEvent $unnderlying, EventSslContext $ctx, int $state, int $options = 0): EventBufferEvent {}
    /** TLS over a (non-blocking) socket, or none until connect(); $state: SSL_OPEN, SSL_CONNECTING, SSL_ACCEPTING. */
    public static function sslSocket(EventBase $base, mixed $socket, EventSslContext $ctx, int $state, int $options = 0): EventBufferEvent {}
    /** The newest kept OpenSSL error (ERR_error_string form), removed; false when none or no TLS. */
    public function sslError(): string {}
    public function sslRenegotiate(): void {}
    public function sslGetCipherInfo(): string {}
    public function sslGetCipherName(): string {}
    public function sslGetCipherVersion(): string {}
    public function sslGetProtocol(): string {}
}

/**
 * An HTTP client connection (evhttp_connection). Not available yet: every
 * method throws EventException. Not serialisable.
 */
final class EventHttpConnection
{
    public function __construct(EventBase $base, ?EventDnsBase $dns_base, string $address, int $port, ?EventSslContext $ctx = null) {}
    final public function __sleep(): array {}
    final public function __wakeup(): void {}
    public function getBase(): EventBase|false {}
    public function getPeer(mixed &$address, mixed &$port): void {}
    public function setLocalAddress(string $address): void {}
    public function setLocalPort(int $port): void {}
    public function setTimeout(int $timeout): void {}
    public function setMaxHeadersSize(int $max_size): void {}
    public function setMaxBodySize(int $max_size): void {}
    public function setRetries(int $retries): void {}
    public function makeRequest(EventHttpRequest $req, int $type, string $uri): ?bool {}
    public function setCloseCallback(callable $callback, mixed $data = null): void {}
}

/**
 * An HTTP/1.x server (libevent's evhttp): listening sockets from bind() or
 * accept(), a callback per path, evhttp's automatic headers and error pages.
 * HTTPS when constructed with an EventSslContext. Not serialisable.
 */
final class EventHttp
{
    public function __construct(EventBase $base, ?EventSslContext $ctx = null) {}
    final public function __sleep(): array {}
    final public function __wakeup(): void {}
    /** @param mixed $socket a listening Socket or stream */
    public function accept(mixed $socket): bool {}
    public function bind(string $address, int $port): bool {}
    /**
     * @param callable $cb function (EventHttpRequest $req, mixed $arg): void
     * @return bool false (with a warning) when $path already has a callback
     */
    public function setCallback(string $path, callable $cb, mixed $arg = null): bool {}
    /** @param callable $cb function (EventHttpRequest $req, mixed $arg): void */
    public function setDefaultCallback(callable $cb, mixed $arg = null): void {}
    /** @param int $methods EventHttpRequest::CMD_* bits; others get 501 */
    public function setAllowedMethods(int $methods): void {}
    /** Over it: 413. Negative: no limit. */
    public function setMaxBodySize(int $value): void {}
    /** Request line and headers over it: 400. Negative: no limit. */
    public function setMaxHeadersSize(int $value): void {}
    /** Seconds a connection may stay idle or take to send a request. */
    public function setTimeout(int $value): void {}
    public function addServerAlias(string $alias): bool {}
    public function removeServerAlias(string $alias): bool {}
}

/**
 * An HTTP request: one an EventHttp server received (passed to its
 * callbacks), or one made here for EventHttpConnection::makeRequest. Unlike
 * PECL, a request that is gone (answered and written, or its connection
 * closed), replying twice, or a getter with nothing to return raise Error.
 * Not serialisable.
 */
final class EventHttpRequest
{
    public const CMD_GET = 1;
    public const CMD_POST = 2;
    public const CMD_HEAD = 4;
    public const CMD_PUT = 8;
    public const CMD_DELETE = 16;
    public const CMD_OPTIONS = 32;
    public const CMD_TRACE = 64;
    public const CMD_CONNECT = 128;
    public const CMD_PATCH = 256;
    public const INPUT_HEADER = 1;
    public const OUTPUT_HEADER = 2;

    /** @param callable $callback function (?EventHttpRequest $req, mixed $data): void */
    public function __construct(callable $callback, mixed $data = null) {}
    final public function __sleep(): array {}
    final public function __wakeup(): void {}
    public function free(): void {}
    public function getCommand(): int {}
    /** Error when the request has no host (never sent, or no Host header). */
    public function getHost(): string {}
    /** Error when the request has no URI (never sent). */
    public function getUri(): string {}
    public function getResponseCode(): int {}
    public function getInputHeaders(): array {}
    public function getOutputHeaders(): array {}
    public function getInputBuffer(): EventBuffer {}
    public function getOutputBuffer(): EventBuffer {}
    public function getBufferEvent(): ?EventBufferEvent {}
    public function getConnection(): ?EventHttpConnection {}
    public function closeConnection(): void {}
    public function sendError(int $error, ?string $reason = null): void {}
    public function sendReply(int $code, string $reason, ?EventBuffer $buf = null): void {}
    public function sendReplyChunk(EventBuffer $buf): void {}
    public function sendReplyEnd(): void {}
    public function sendReplyStart(int $code, string $reason): void {}
    public function cancel(): void {}
    /** @param int $type OUTPUT_HEADER, else the input headers */
    public function addHeader(string $key, string $value, int $type): bool {}
    /** Clears the output headers. */
    public function clearHeaders(): void {}
    public function removeHeader(string $key, int $type): bool {}
    public function findHeader(string $key, int $type): ?string {}
}
