import { Stack } from "@mantine/core";
import { useParams } from "react-router";
import { NotFound } from "@/components/ui/not-found";
import { MemberYearlyPanel } from "@/features/followup/components/yearly-panel";
import { MemberDetail } from "@/features/members/components/member-detail";

/** A member's record (members feature), then the yearly task assignment and commitment (follow-up). */
export function Component() {
  const { id } = useParams();
  if (!id) return <NotFound />;
  return (
    <Stack gap="md">
      <MemberDetail key={id} id={id} />
      <MemberYearlyPanel key={`yearly-${id}`} memberId={id} />
    </Stack>
  );
}
