import { useParams } from "react-router";
import { NotFound } from "@/components/ui/not-found";
import { MemberDetail } from "@/features/members/components/member-detail";

export function Component() {
  const { id } = useParams();
  if (!id) return <NotFound />;
  return <MemberDetail key={id} id={id} />;
}
