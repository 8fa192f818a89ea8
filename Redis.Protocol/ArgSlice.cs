namespace Redis.Protocol;

/// <summary>Where one argument lies in the reader's buffer.</summary>
public readonly record struct ArgSlice(int Offset, int Length);
