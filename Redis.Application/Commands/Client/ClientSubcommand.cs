namespace Redis.Application.Commands.Client;

/// <summary>What <c>CLIENT</c> was asked.</summary>
public enum ClientSubcommand
{
    Id,
    GetName,
    SetName,
    Info,
    List,

    /// <summary><c>CLIENT SETINFO LIB-NAME</c>.</summary>
    SetLibraryName,

    /// <summary><c>CLIENT SETINFO LIB-VER</c>.</summary>
    SetLibraryVersion,
    Help,
}
