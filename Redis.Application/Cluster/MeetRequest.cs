namespace Redis.Application.Cluster;

/// <summary>A <c>CLUSTER MEET</c> waiting for the bus to contact the node.</summary>
public sealed record MeetRequest(string Ip, int Port, int BusPort);
