using System.Runtime.InteropServices;

namespace Redis.Infrastructure.Transport.EventLoop;

/// <summary>The real <c>RLIMIT_NOFILE</c> of this process (Linux).</summary>
internal sealed unsafe partial class ProcessOpenFilesLimit : IOpenFilesLimit
{
    /// <summary><c>RLIMIT_NOFILE</c> on Linux.</summary>
    private const int NoFile = 7;

    public bool TryGet(out ulong soft, out ulong hard, out string? error)
    {
        var limit = default(ResourceLimit);
        if (getrlimit(NoFile, &limit) != 0)
        {
            (soft, hard, error) = (0, 0, Marshal.GetLastPInvokeErrorMessage());
            return false;
        }

        (soft, hard, error) = (limit.Current, limit.Maximum, null);
        return true;
    }

    public bool TrySet(ulong soft, ulong hard, out string? error)
    {
        var limit = new ResourceLimit { Current = soft, Maximum = hard };
        if (setrlimit(NoFile, &limit) != 0)
        {
            error = Marshal.GetLastPInvokeErrorMessage();
            return false;
        }

        error = null;
        return true;
    }

    /// <summary><c>struct rlimit</c>: two <c>rlim_t</c>, 64-bit on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, ResourceLimit* limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, ResourceLimit* limit);
}
