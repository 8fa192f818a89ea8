using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Redis.Infrastructure.Transport.EventLoop;

/// <summary>A Linux epoll instance, level-triggered, over <c>epoll_create1</c>, <c>epoll_ctl</c> and <c>epoll_wait</c> (Redis's <c>ae_epoll.c</c>).</summary>
/// <remarks>
/// <para>
/// Each registration carries the file descriptor as its data, so an event names the socket it is about. Level-triggered,
/// as Redis uses it: a socket with bytes left unread is reported again on the next wait, so reading a bounded amount
/// per event loses nothing.
/// </para>
/// <para>
/// The kernel's <c>struct epoll_event</c> is 4 bytes of event flags followed by 8 of data. On x86 it is packed
/// (<c>__EPOLL_PACKED</c>): 12 bytes, the data at offset 4; elsewhere the data is 8-aligned: 16 bytes, the data at 8.
/// The events are therefore read from raw bytes at the architecture's stride rather than through a managed struct.
/// </para>
/// </remarks>
internal sealed unsafe partial class Epoll : IDisposable
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Error = 0x008;
    public const uint HangUp = 0x010;

    private const int CtlAdd = 1;
    private const int CtlDelete = 2;
    private const int CtlModify = 3;
    private const int CloseOnExec = 0x80000;
    private const int Interrupted = 4;

    private static readonly int EventSize = RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86 ? 12 : 16;
    private static readonly int DataOffset = EventSize - sizeof(ulong);

    private readonly byte[] _events;
    private int _fd;

    /// <param name="capacity">The most events one <see cref="Wait"/> returns; more ready sockets wait for the next call.</param>
    public Epoll(int capacity)
    {
        _fd = epoll_create1(CloseOnExec);
        if (_fd < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "epoll_create1 failed");
        }

        Capacity = capacity;
        _events = GC.AllocateArray<byte>(capacity * EventSize, pinned: true);
    }

    public int Capacity { get; }

    public void Add(int fd, uint events) => Control(CtlAdd, fd, events);

    public void Modify(int fd, uint events) => Control(CtlModify, fd, events);

    /// <summary>Stops watching <paramref name="fd"/>; closing the socket would too, this makes it explicit and immediate.</summary>
    public void Remove(int fd) => Control(CtlDelete, fd, 0);

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for ready sockets.</summary>
    /// <returns>How many events <see cref="EventAt"/> can read; 0 on timeout or when a signal interrupted the wait.</returns>
    public int Wait(int timeoutMilliseconds)
    {
        int count;
        fixed (byte* events = _events)
        {
            count = epoll_wait(_fd, events, Capacity, timeoutMilliseconds);
        }

        if (count >= 0)
        {
            return count;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == Interrupted ? 0 : throw new Win32Exception(errno, "epoll_wait failed");
    }

    /// <summary>The socket and the ready flags of the <paramref name="index"/>th event of the last <see cref="Wait"/>.</summary>
    public (int Fd, uint Events) EventAt(int index)
    {
        ref var at = ref _events[index * EventSize];
        var events = Unsafe.ReadUnaligned<uint>(ref at);
        var data = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, DataOffset));
        return ((int)data, events);
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            _ = close(_fd);
            _fd = -1;
        }
    }

    private void Control(int operation, int fd, uint events)
    {
        var ev = stackalloc byte[16];
        Unsafe.WriteUnaligned(ev, events);
        Unsafe.WriteUnaligned(ev + DataOffset, (ulong)fd);
        if (epoll_ctl(_fd, operation, fd, ev) < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "epoll_ctl failed");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_ctl(int epfd, int op, int fd, byte* @event);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_wait(int epfd, byte* events, int maxevents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
