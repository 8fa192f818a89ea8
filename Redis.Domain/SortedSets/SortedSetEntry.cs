namespace Redis.Domain.SortedSets;

/// <summary>A member of a sorted set with its score. The member's bytes are never changed once stored.</summary>
public readonly record struct SortedSetEntry(byte[] Member, double Score);
