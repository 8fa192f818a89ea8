namespace Redis.Protocol;

/// <summary>The protocol a connection speaks: RESP2 until <c>HELLO 3</c> switches it (Redis's <c>c->resp</c>).</summary>
public enum RespVersion : byte
{
    Resp2 = 2,
    Resp3 = 3,
}
