using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Publish;

/// <summary><c>PUBLISH channel message</c>: answers how many subscribers received it.</summary>
/// <param name="Channel">A slice of the request: every message is encoded before the command ends.</param>
/// <param name="Message">A slice of the request, likewise.</param>
public sealed record PublishCommand(ReadOnlyMemory<byte> Channel, ReadOnlyMemory<byte> Message) : IRedisCommand;
