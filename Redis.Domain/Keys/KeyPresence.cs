namespace Redis.Domain.Keys;

/// <summary>Whether a key is stored, and live or already expired (not yet reclaimed): what the watch rules of a flush or a swap ask.</summary>
internal enum KeyPresence
{
    Missing,
    Live,
    Expired,
}
