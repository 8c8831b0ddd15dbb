using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Introductions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntroductionMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    EveryWeeks = table.Column<int>(type: "integer", nullable: false),
                    Share = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastIntroducedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntroductionMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntroductionMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntroductionMembers_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntroductionRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    MadeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntroductionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntroductionRounds_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Introductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MadeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SecondTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Question = table.Column<int>(type: "integer", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Introductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Introductions_IntroductionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "IntroductionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntroductionPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IntroductionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Share = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Answer = table.Column<int>(type: "integer", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntroductionPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntroductionPeople_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntroductionPeople_Introductions_IntroductionId",
                        column: x => x.IntroductionId,
                        principalTable: "Introductions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntroductionMembers_CongregationId_UserId",
                table: "IntroductionMembers",
                columns: new[] { "CongregationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntroductionMembers_UserId",
                table: "IntroductionMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntroductionPeople_IntroductionId_UserId",
                table: "IntroductionPeople",
                columns: new[] { "IntroductionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntroductionPeople_UserId",
                table: "IntroductionPeople",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntroductionRounds_CongregationId_Number",
                table: "IntroductionRounds",
                columns: new[] { "CongregationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_AskedAt_MadeAt",
                table: "Introductions",
                columns: new[] { "AskedAt", "MadeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_CongregationId_MadeAt",
                table: "Introductions",
                columns: new[] { "CongregationId", "MadeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_RoundId",
                table: "Introductions",
                column: "RoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntroductionMembers");

            migrationBuilder.DropTable(
                name: "IntroductionPeople");

            migrationBuilder.DropTable(
                name: "Introductions");

            migrationBuilder.DropTable(
                name: "IntroductionRounds");
        }
    }
}
