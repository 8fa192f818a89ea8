namespace Redis.Application.Commands.Sort;

/// <summary>One element being sorted, with what it is compared by: Redis's <c>redisSortObject</c>.</summary>
/// <param name="Element">The element of the list, set or sorted set.</param>
/// <param name="Score">Its numeric weight: the element or its <c>BY</c> value read as a double; 0 when the <c>BY</c> key is missing.</param>
/// <param name="Weight">Its <c>BY</c> value for <c>ALPHA</c>, when the pattern found one (<see cref="HasWeight"/>).</param>
/// <param name="HasWeight">False where Redis's <c>cmpobj</c> is NULL: a missing <c>BY</c> value sorts first.</param>
/// <param name="Position">Where the element was loaded: ties keep this order, as the C library's merge sort does.</param>
internal readonly record struct SortItem(byte[] Element, double Score, ReadOnlyMemory<byte> Weight, bool HasWeight, int Position);
