namespace Redis.Client.Rendering;

/// <summary>How replies are printed, as redis-cli's <c>--no-raw</c> and <c>--raw</c> choose.</summary>
internal enum ReplyFormat
{
    /// <summary>For people: <c>"value"</c>, <c>(integer) 1</c>, <c>(nil)</c>, <c>(error) ERR ...</c>, numbered arrays.</summary>
    Tty,

    /// <summary>For scripts: the bytes themselves, one element a line, nil as an empty line.</summary>
    Raw,
}
