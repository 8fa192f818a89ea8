using System.Diagnostics;
using System.Security.Cryptography;

namespace Redis.Application.Common;

/// <summary>The server's running counters, as <c>INFO</c> reports them under Redis's field names.</summary>
/// <remarks>
/// One writer: the serving thread (the transport counts connections, commands and bytes; the expiry tick copies the
/// keyspace's sizes). Two kinds of reader: <c>INFO</c> on that same thread, and the metrics collector
/// (<c>ServerMetrics</c>) on its own thread. Every counter is an aligned 64-bit field, read whole on a 64-bit runtime,
/// so a collector's read may be one update behind but is never torn; nothing here is read-modify-written from two
/// threads, so plain fields suffice.
/// </remarks>
public sealed class ServerStatistics
{
    private readonly RateTracker _commands = new();
    private readonly RateTracker _input = new();
    private readonly RateTracker _output = new();
    private readonly RecentPeak _inputBuffers = new();
    private readonly RecentPeak _outputBuffers = new();

    /// <summary>When the server started, on the monotonic <see cref="Stopwatch"/> clock (<c>uptime_in_seconds</c>).</summary>
    /// <remarks>The statistics are created with the transport at start-up, so this is the start of the server.</remarks>
    public long StartTimestamp { get; } = Stopwatch.GetTimestamp();

    /// <summary><c>run_id</c>: 40 random hex characters that identify this run of the server.</summary>
    public string RunId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>The port the server listens on, once it does (<c>tcp_port</c>; with port 0 configured, the one the system picked).</summary>
    public int? ListenPort { get; set; }

    /// <summary><c>total_connections_received</c>.</summary>
    public long ConnectionsReceived { get; set; }

    /// <summary><c>total_commands_processed</c>.</summary>
    public long CommandsProcessed { get; set; }

    /// <summary>Connections closed after a protocol error (<c>protocol_error_disconnections</c>; Redis has no such field).</summary>
    public long ProtocolErrors { get; set; }

    /// <summary><c>rejected_connections</c>: clients refused at connect (protected mode).</summary>
    public long RejectedConnections { get; set; }

    /// <summary>
    /// <c>client_output_buffer_limit_disconnections</c> (Redis 7.2's INFO stats field): clients closed for going over
    /// <c>client-output-buffer-limit</c>.
    /// </summary>
    public long OutputBufferLimitDisconnections { get; set; }

    /// <summary><c>client_recent_max_input_buffer</c>: the largest query buffer of a client over the last few seconds, in bytes.</summary>
    public long ClientRecentMaxInputBuffer => _inputBuffers.Max;

    /// <summary><c>client_recent_max_output_buffer</c>: the largest pending output of a client over the last few seconds, in bytes.</summary>
    public long ClientRecentMaxOutputBuffer => _outputBuffers.Max;

    /// <summary><c>total_net_input_bytes</c>.</summary>
    public long NetInputBytes { get; set; }

    /// <summary><c>total_net_output_bytes</c>.</summary>
    public long NetOutputBytes { get; set; }

    /// <summary>Keys in the keyspace, as of the last expiry tick (for monitoring from another thread).</summary>
    public long Keys { get; set; }

    /// <summary>Keys with a TTL, as of the last expiry tick.</summary>
    public long VolatileKeys { get; set; }

    /// <summary><c>expired_keys</c>, as of the last expiry tick.</summary>
    public long ExpiredKeys { get; set; }

    /// <summary><c>instantaneous_ops_per_sec</c>: commands a second over the last samples (see <see cref="Sample"/>).</summary>
    public long InstantaneousOpsPerSecond => (long)_commands.PerSecond;

    /// <summary><c>instantaneous_input_kbps</c>: KiB received a second over the last samples.</summary>
    public double InstantaneousInputKbps => _input.PerSecond / 1024;

    /// <summary><c>instantaneous_output_kbps</c>: KiB sent a second over the last samples.</summary>
    public double InstantaneousOutputKbps => _output.PerSecond / 1024;

    /// <summary>
    /// Redis's <c>resetServerStats</c> (<c>CONFIG RESETSTAT</c>): the counters of <c>INFO stats</c> and the samples of the
    /// instantaneous rates start again from zero; the recent buffer peaks are gauges, and stay.
    /// </summary>
    /// <summary>Keys removed by the <c>maxmemory-policy</c> (Redis's <c>stat_evictedkeys</c>, <c>evicted_keys</c>).</summary>
    public long EvictedKeys { get; set; }

    public void Reset()
    {
        EvictedKeys = 0;
        (ConnectionsReceived, CommandsProcessed, ProtocolErrors, RejectedConnections) = (0, 0, 0, 0);
        (OutputBufferLimitDisconnections, NetInputBytes, NetOutputBytes, ExpiredKeys) = (0, 0, 0, 0);
        _commands.Reset();
        _input.Reset();
        _output.Reset();
    }

    /// <summary>Records the counters at <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp), for the instantaneous rates.</summary>
    /// <remarks>Redis samples every 100 ms in <c>serverCron</c> and averages the last 16 samples; the transport calls this on its periodic tick.</remarks>
    public void Sample(long timestamp)
    {
        _commands.Sample(timestamp, CommandsProcessed);
        _input.Sample(timestamp, NetInputBytes);
        _output.Sample(timestamp, NetOutputBytes);
    }

    /// <summary>Records one client's buffers at <paramref name="unixSeconds"/>, for the recent maxima.</summary>
    /// <remarks>Redis's <c>clientsCronTrackExpansiveClients</c>: the transport calls it for every client from its periodic tick.</remarks>
    public void RecordClientBuffers(long unixSeconds, long inputBytes, long outputBytes)
    {
        _inputBuffers.Record(unixSeconds, inputBytes);
        _outputBuffers.Record(unixSeconds, outputBytes);
    }

    /// <summary>
    /// The peak of a value over the last <see cref="Slots"/> seconds: one slot per second, the next one cleared as the
    /// current one is written (Redis's <c>CLIENTS_PEAK_MEM_USAGE_SLOTS</c>, 8).
    /// </summary>
    private sealed class RecentPeak
    {
        private const int Slots = 8;
        private readonly long[] _peaks = new long[Slots];
        private long _lastSecond = long.MinValue;

        public long Max
        {
            get
            {
                var max = 0L;
                foreach (var peak in _peaks)
                {
                    max = Math.Max(max, peak);
                }

                return max;
            }
        }

        public void Record(long unixSeconds, long value)
        {
            var slot = (int)(((unixSeconds % Slots) + Slots) % Slots);
            if (unixSeconds != _lastSecond)
            {
                // Clear every slot the clock skipped since the last record, so a quiet spell forgets old peaks.
                var gap = _lastSecond == long.MinValue ? Slots : Math.Min(Slots, unixSeconds - _lastSecond);
                for (var i = 0; i < gap; i++)
                {
                    _peaks[(int)((((unixSeconds - i) % Slots) + Slots) % Slots)] = 0;
                }

                _lastSecond = unixSeconds;
            }

            _peaks[slot] = Math.Max(_peaks[slot], value);
        }
    }

    /// <summary>The mean rate over the last <see cref="Samples"/> intervals, as Redis's <c>trackInstantaneousMetric</c> keeps it.</summary>
    private sealed class RateTracker
    {
        private const int Samples = 16;
        private readonly double[] _rates = new double[Samples];
        private int _next;
        private int _filled;
        private long _lastTimestamp;
        private long _lastValue;

        public double PerSecond
        {
            get
            {
                var sum = 0.0;
                foreach (var rate in _rates.AsSpan(0, _filled))
                {
                    sum += rate;
                }

                return _filled == 0 ? 0 : sum / _filled;
            }
        }

        public void Reset()
        {
            Array.Clear(_rates);
            (_next, _filled, _lastTimestamp, _lastValue) = (0, 0, 0, 0);
        }

        public void Sample(long timestamp, long value)
        {
            if (_lastTimestamp != 0 && timestamp > _lastTimestamp)
            {
                _rates[_next] = (value - _lastValue) * (double)Stopwatch.Frequency / (timestamp - _lastTimestamp);
                _next = (_next + 1) % Samples;
                _filled = Math.Min(_filled + 1, Samples);
            }

            (_lastTimestamp, _lastValue) = (timestamp, value);
        }
    }
}
