# SPDX-License-Identifier: MIT
# The fuzz targets, one line each (fuzz/CMakeLists.txt gives these functions their meaning).
#
# kitedeck_fuzz_reader(Type header [sources]): Type::fromJson through JsonReader, objects and
# lists, seeded from the reference examples. A new domain type is one line, with its .cpp:
#     kitedeck_fuzz_reader(Agent domain/agent.h domain/agent.cpp)
kitedeck_fuzz_reader(Cluster domain/cluster.h)
kitedeck_fuzz_reader(Queue domain/queue.h)
kitedeck_fuzz_reader(AgentToken domain/agenttoken.h)
kitedeck_fuzz_reader(AccessToken domain/accesstoken.h)
kitedeck_fuzz_reader(User domain/user.h)

# kitedeck_fuzz_target(name source): anything else, seeded from seeds/<name>.
kitedeck_fuzz_target(errorbody fuzz_errorbody.cpp)
kitedeck_fuzz_target(linkheader fuzz_linkheader.cpp)

# Timestamps in Buildkite's two forms, in any local time zone.
kitedeck_fuzz_target(timestamp fuzz_timestamp.cpp)
