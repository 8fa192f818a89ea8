using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Redis.Protocol;

// Usage: Redis.LoadGen <port> <clients> <rounds> <command> [; <command> ...]
//   e.g. Redis.LoadGen 6379 50 200000 MULTI ';' SET k:__rand__ v ';' ... ';' EXEC
// Each client sends the whole sequence in one write and reads its replies before the next round (a client library's
// transaction is one round trip); `rounds` is the total over all clients. `__rand__` in a word becomes a number drawn
// per command from 0..99999, as redis-benchmark's -r. The first round's replies are the reference: every later round
// must answer the same number of bytes (an error reply, or a round of another size, stops the run). Prints "<rounds per second> <ms>".
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: Redis.LoadGen <port> <clients> <rounds> <command words> [';' <command words> ...]");
    return 2;
}

var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var clients = int.Parse(args[1], CultureInfo.InvariantCulture);
var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
var commands = Split(args[3..]);
var remaining = rounds;
const int RandomWidth = 12;
var failure = (string?)null;

var started = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => RunClientAsync(i))));
started.Stop();

if (failure is not null)
{
    Console.Error.WriteLine(failure);
    return 1;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds / started.Elapsed.TotalSeconds:F0} {started.Elapsed.TotalMilliseconds:F0}"));
return 0;

async Task RunClientAsync(int client)
{
    try
    {
        await RunRoundsAsync(client);
    }
    catch (Exception e) when (e is IOException or SocketException or InvalidDataException)
    {
        failure ??= $"client {client}: {e.Message}";
    }
}

async Task RunRoundsAsync(int client)
{
    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    await socket.ConnectAsync("127.0.0.1", port);
    var random = new Random(client);
    var (request, randomAt) = Template(commands);
    var buffer = new byte[64 * 1024];
    var expected = -1;
    while (Interlocked.Decrement(ref remaining) >= 0 && failure is null)
    {
        foreach (var at in randomAt)
        {
            random.Next(100_000).TryFormat(request.AsSpan(at, RandomWidth), out _, "D12", CultureInfo.InvariantCulture);
        }

        await socket.SendAsync(request.AsMemory());
        var received = await ReadRoundAsync(socket, buffer, expected);
        if (expected < 0)
        {
            expected = received;
        }
        else if (received != expected)
        {
            failure = $"client {client}: a round answered {received} bytes, the first {expected}";
            return;
        }
    }
}

// The whole round's request, encoded once with a fixed-width field for each __rand__, and where those fields are.
static (byte[] Request, int[] RandomAt) Template(List<string[]> commands)
{
    var placeholder = new string('0', RandomWidth);
    var writer = new RequestWriter();
    foreach (var command in commands)
    {
        writer.Write([.. command.Select(word => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(word.Replace("__rand__", "\u0001" + placeholder[1..], StringComparison.Ordinal)))]);
    }

    var request = writer.Written.ToArray();
    var randomAt = request.Select((b, i) => (b, i)).Where(x => x.b == 1).Select(x => x.i).ToArray();
    return (request, randomAt);
}

// The first round is read reply by reply, one per command sent, and its replies must hold no error; later rounds read
// exactly as many bytes as the first.
async Task<int> ReadRoundAsync(Socket socket, byte[] buffer, int expected)
{
    var total = 0;
    if (expected > 0)
    {
        while (total < expected)
        {
            total += await ReceiveAsync(socket, buffer.AsMemory(total, expected - total));
        }

        return total;
    }

    var reader = new ReplyReader();
    var offset = 0;
    for (var replies = 0; replies < commands.Count;)
    {
        var status = reader.TryRead(buffer.AsSpan(offset, total - offset), out var reply, out var consumed);
        offset += consumed;
        if (status == System.Buffers.OperationStatus.Done)
        {
            if (reply.IsError || reply.Items.Any(item => item.IsError))
            {
                throw new InvalidDataException("error reply: " + reply);
            }

            replies++;
        }
        else if (status == System.Buffers.OperationStatus.NeedMoreData)
        {
            total += await ReceiveAsync(socket, buffer.AsMemory(total));
        }
        else
        {
            throw new InvalidDataException("bad reply: " + reader.ProtocolError);
        }
    }

    return total;
}

static async Task<int> ReceiveAsync(Socket socket, Memory<byte> into)
{
    var n = await socket.ReceiveAsync(into);
    return n > 0 ? n : throw new IOException("the server closed the connection");
}

static List<string[]> Split(string[] words)
{
    var commands = new List<string[]>();
    var current = new List<string>();
    foreach (var word in words.Append(";"))
    {
        if (word == ";")
        {
            if (current.Count > 0)
            {
                commands.Add([.. current]);
            }

            current.Clear();
        }
        else
        {
            current.Add(word);
        }
    }

    return commands;
}
