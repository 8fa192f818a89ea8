using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace ShoppingCart;

/// <summary>Shopping carts in ASP.NET Core's distributed cache: a cart lives 20 minutes after it was last used.</summary>
public sealed class CartStore(IDistributedCache cache)
{
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(20);

    private static readonly DistributedCacheEntryOptions Entry = new() { SlidingExpiration = IdleLifetime };

    public Task SaveAsync(string cartId, IReadOnlyList<string> items, CancellationToken cancellationToken = default) =>
        cache.SetAsync(Key(cartId), JsonSerializer.SerializeToUtf8Bytes(items), Entry, cancellationToken);

    /// <summary>The cart, or null once it expired; reading it counts as using it (the cache refreshes the sliding expiration).</summary>
    public async Task<IReadOnlyList<string>?> FindAsync(string cartId, CancellationToken cancellationToken = default) =>
        await cache.GetAsync(Key(cartId), cancellationToken).ConfigureAwait(false) is { } bytes
            ? JsonSerializer.Deserialize<List<string>>(bytes)
            : null;

    /// <summary>Keeps the cart alive without reading it (a page that shows the cart's badge only).</summary>
    public Task TouchAsync(string cartId, CancellationToken cancellationToken = default) => cache.RefreshAsync(Key(cartId), cancellationToken);

    private static string Key(string cartId) => "cart:" + cartId;
}
